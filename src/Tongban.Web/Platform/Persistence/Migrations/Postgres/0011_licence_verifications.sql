-- 0011 licence verifications (Postgres): every verification answered (API, page, /v/ link, grants), by
-- channel, the identifier or case number asked about and the status answered; the verifier's account
-- when signed in, nothing else about them.
CREATE TABLE licence_verifications (
    id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    channel character varying(20) NOT NULL,
    subject character varying(100) NOT NULL,
    status character varying(20) NOT NULL,
    account_id uuid,
    CONSTRAINT pk_licence_verifications PRIMARY KEY (id)
);

CREATE INDEX ix_licence_verifications_subject_at ON licence_verifications (subject, at);
