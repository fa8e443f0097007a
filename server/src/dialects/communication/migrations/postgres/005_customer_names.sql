-- PostgreSQL's form of ../005_customer_names.sql: bigint for integer, bytea for blob, an identity for seq.
-- Communication 5: the name the customer gave (the contact form's `name`, or a created
-- conversation's `customerName`), answered as `customerName`; unknown for older rows.
ALTER TABLE conversations ADD COLUMN customer_name TEXT;
