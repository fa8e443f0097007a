//! The body of "create a mail": receivers, the documented enums, ids within their limit.

use super::super::store::MailRecord;
use super::MAX_RECEIVERS;
use crate::http::problems::Problems;
use crate::http::{HttpError, Location};
use switchboard_core::wire::communication::{MailCategory, MailDto, ProductType, MAX_ID_LENGTH};

pub fn mail(dto: MailDto, id: String, now: &str) -> Result<MailRecord, HttpError> {
    let mut problems = Problems::default();
    let receivers_id = problems.ids(
        "receiversId",
        &dto.receivers_id,
        MAX_RECEIVERS,
        MAX_ID_LENGTH,
    );
    if dto.receivers_id.is_empty() {
        problems.add(Location::Body, "receiversId", "", "needs at least one id");
    }
    let mut id_field = |field: &str, value: Option<String>| {
        problems.optional(Location::Body, field, value.as_deref(), MAX_ID_LENGTH)
    };
    let publication_id = id_field("publicationId", dto.publication_id);
    let reservation_id = id_field("reservationId", dto.reservation_id);
    let organization_id = id_field("organizationId", dto.organization_id);
    let establishment_id = id_field("establishmentId", dto.establishment_id);
    let product_type = dto.product_type.map(|product| {
        problems.known(
            Location::Body,
            "productType",
            product.as_str(),
            product.is_known(),
            ProductType::KNOWN,
        );
        product.to_string()
    });
    let category = match dto.category {
        Some(category) => {
            problems.known(
                Location::Body,
                "category",
                category.as_str(),
                category.is_known(),
                MailCategory::KNOWN,
            );
            category.to_string()
        }
        None => {
            problems.add(Location::Body, "category", "", "is required");
            String::new()
        }
    };
    problems.finish()?;
    Ok(MailRecord {
        id,
        sending_date: now.to_owned(),
        receivers_id,
        publication_id,
        reservation_id,
        product_type,
        organization_id,
        establishment_id,
        category,
    })
}
