//! The demo repair cases' scripts: a service partner's care team (Switchboard's agents)
//! and the repair workshops (service providers) writing back and forth, with replies to
//! earlier messages and the platform's automatic reminders. Each line is
//! `(who, type, the line it answers, text)`.

use self::Who::{Partner as P, Platform as S, Provider as R};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// The service partner: this console's team (`senderType: partner`).
    Partner,
    /// The repair workshop (`senderType: provider`).
    Provider,
    /// The platform itself (`senderType: null`).
    Platform,
}

pub const COMMENT: &str = "serviceComment";
pub const CARE_REPLY: &str = "customerCenterReply";
pub const REJECT_RUR: &str = "costProposalRejectRur";
pub const REJECT_SCRAP: &str = "costProposalRejectScrap";
pub const STATUS_REQUEST: &str = "statusRequest";
pub const SPARE_PARTS: &str = "spareParts";
pub const REMINDER: &str = "reminder";
pub const COST_PROPOSAL: &str = "costProposal";
pub const SHIPMENT: &str = "shipment";
pub const FORWARDING: &str = "forwarding";

pub type Line = (Who, &'static str, Option<usize>, &'static str);

/// A workshop: its name, account id, and the technician who writes.
pub struct Provider {
    pub account_id: i64,
    pub technician: &'static str,
    pub email: &'static str,
}

pub const PROVIDERS: [Provider; 3] = [
    Provider {
        account_id: 2041,
        technician: "Jonas Weber (Reparo Service)",
        email: "j.weber@reparo-service.example",
    },
    Provider {
        account_id: 2087,
        technician: "Priya Nair (FixPoint Repairs)",
        email: "p.nair@fixpoint.example",
    },
    Provider {
        account_id: 2113,
        technician: "Lena Kühn (Elektro Kühn)",
        email: "lena@elektro-kuehn.example",
    },
];

/// The fixed case's script (the document's guid and case id): an espresso machine, the
/// workshop's last word unconfirmed.
pub const ESPRESSO: &[Line] = &[
    (P, COMMENT, None, "New repair case: espresso machine EM-4400 leaks under the brew group after two months of use. Customer Ana Duarte, bought 14 September, under warranty. Collected from her today."),
    (R, COMMENT, Some(0), "Device received at our Hamburg workshop. First look: the brew group seal is worn and the tank valve is cracked. Full diagnosis by Thursday."),
    (P, STATUS_REQUEST, None, "Any news on the diagnosis? The customer has called twice."),
    (R, COST_PROPOSAL, Some(2), "Diagnosis done. Seal and valve are under warranty; the scale in the heating block is not: 48.50 EUR to clean it. Please confirm."),
    (P, CARE_REPLY, Some(3), "The customer accepts the 48.50 EUR. Please go ahead with the full repair."),
    (R, SPARE_PARTS, None, "The valve is on back order at the manufacturer, expected in six working days."),
    (S, REMINDER, None, "Automatic reminder: no status change on this case for 7 days."),
    (P, STATUS_REQUEST, Some(5), "Has the valve arrived? Ms Duarte would like the machine back before the holidays."),
    (R, SHIPMENT, Some(7), "Valve fitted, tested over 50 brewing cycles. Shipped today with DHL, tracking 00340434161094021512."),
];

pub const SCRIPTS: &[&[Line]] = &[
    ESPRESSO,
    &[
        (P, COMMENT, None, "Washing machine WM-8 stops with error E21 and does not drain. Customer Bernd Hofmann, 26 months old, out of warranty: please quote before repairing."),
        (R, COMMENT, Some(0), "Collected. The drain pump is blocked by a coin and its motor burnt out."),
        (R, COST_PROPOSAL, None, "Cost proposal: new drain pump 64.00 EUR, labour 45.00 EUR, 109.00 EUR in all."),
        (P, STATUS_REQUEST, Some(2), "Is the pump the only fault? The customer hesitates at that price for a machine this age."),
        (R, COMMENT, Some(3), "Bearings and door seal are fine; the pump is the only fault."),
        (P, REJECT_RUR, Some(2), "The customer declines the cost proposal. Please return the machine unrepaired."),
        (R, SHIPMENT, Some(5), "Returned unrepaired; the carrier delivers on Tuesday between 8 and 12."),
        (P, COMMENT, Some(6), "Thank you, we have told Mr Hofmann. Case can be closed on our side."),
    ],
    &[
        (P, COMMENT, None, "Laptop NB-15 Pro: the left hinge broke and the screen flickers when opened. Customer Chloé Martin, accidental damage insurance."),
        (R, COMMENT, Some(0), "Received. Hinge and display cable are damaged; the frame is bent at the hinge mount."),
        (R, COST_PROPOSAL, Some(1), "Repair needs a new top cover, hinge set and display cable: 312.00 EUR, above the insurer's ceiling of 250 EUR."),
        (P, CARE_REPLY, Some(2), "The insurer will not pay above the ceiling and prefers a replacement. We decline the repair."),
        (P, REJECT_SCRAP, Some(2), "Please scrap the device and send us the scrap certificate; data on the disk must be wiped first."),
        (R, COMMENT, Some(4), "Disk wiped with a certified tool. The scrap certificate follows by post."),
        (S, REMINDER, None, "Automatic reminder: the scrap certificate has not been confirmed as received."),
        (P, STATUS_REQUEST, Some(5), "The certificate has not arrived yet; could you send it by email to the care team instead?"),
        (R, FORWARDING, Some(7), "Forwarded to our administration: they email the certificate today."),
    ],
    &[
        (P, COMMENT, None, "TV LX-55: sound but no picture since a storm. Customer Daniel Okafor, extended warranty."),
        (R, COMMENT, Some(0), "The main board survived; the backlight driver is burnt. We do not repair backlight units here."),
        (R, FORWARDING, Some(1), "Forwarded to the manufacturer's panel centre in Venlo, their reference PC-88213."),
        (P, STATUS_REQUEST, Some(2), "How long does the panel centre take? Mr Okafor asks for a loan TV meanwhile."),
        (R, COMMENT, Some(3), "Usually ten working days. We have no loan devices; the partner would have to provide one."),
        (P, CARE_REPLY, Some(4), "We are sending Mr Okafor a loan TV from our stock."),
        (R, SPARE_PARTS, None, "The panel centre is replacing the whole LED strip set; parts ordered."),
        (S, REMINDER, None, "Automatic reminder: no status change on this case for 7 days."),
        (P, STATUS_REQUEST, Some(6), "Any date for the LED strips?"),
        (R, COMMENT, Some(8), "Expected on Friday; repair and burn-in test the following Monday."),
        (R, SHIPMENT, None, "Repaired and tested 24 hours. Shipped with UPS, tracking 1Z999AA10123456784."),
        (P, COMMENT, Some(10), "Delivered and working, thank you. We are collecting the loan TV."),
    ],
    &[
        (P, COMMENT, None, "Robot vacuum RV-300 no longer charges on its dock. Customer Elif Yilmaz, 11 months, under warranty."),
        (R, COMMENT, Some(0), "Battery cell swollen; the dock is fine. A new battery pack is covered."),
        (R, SPARE_PARTS, Some(1), "Battery pack ordered, delivery in three days."),
        (P, STATUS_REQUEST, None, "Please check the side brushes too; the customer says they spin slowly."),
        (R, COMMENT, Some(3), "Side brush motor is weak; replaced under warranty at the same time."),
        (R, SHIPMENT, None, "Shipped with GLS, tracking 64850012345."),
    ],
    &[
        (P, COMMENT, None, "Smartphone S22: water damage after a fall into a lake. Customer Frank Müller, not covered by warranty."),
        (R, COMMENT, Some(0), "Corrosion on the main board and the charging port. A board repair is uncertain."),
        (R, COST_PROPOSAL, Some(1), "Main board replacement 289.00 EUR, or data recovery only for 89.00 EUR."),
        (P, STATUS_REQUEST, Some(2), "The customer wants his photos above all. Can you do the data recovery first and decide on the board after?"),
        (R, COMMENT, Some(3), "Yes: data recovery first, the board quote stays valid for 30 days."),
        (P, CARE_REPLY, Some(4), "Agreed: data recovery for 89.00 EUR, please."),
        (R, COMMENT, None, "Recovered 14,212 photos and the contacts onto a USB stick."),
        (P, REJECT_SCRAP, Some(2), "The customer declines the board replacement; please scrap the phone and send the USB stick."),
        (R, SHIPMENT, Some(7), "USB stick shipped by registered mail; the phone is scrapped."),
    ],
    &[
        (P, COMMENT, None, "Dishwasher DW-60 leaves the dishes wet and shows error F3. Customer Grace Kim, 3 years, extended warranty."),
        (S, REMINDER, None, "Automatic reminder: no provider has accepted this case for 2 days."),
        (R, COMMENT, Some(0), "Accepted. A technician visits on Wednesday morning; the customer has been called."),
        (R, COMMENT, None, "On site: the heating element is defective, which explains F3 and the wet dishes."),
        (R, SPARE_PARTS, Some(3), "Heating element ordered; second visit when it arrives."),
        (P, STATUS_REQUEST, Some(4), "Ms Kim is away next week: could the second visit be before Friday?"),
        (R, COMMENT, Some(5), "Booked for Thursday 14:00; part confirmed in stock at our warehouse."),
        (R, COMMENT, None, "Heating element replaced; two test programmes completed without error."),
    ],
];
