-- 0019 evaluation (PostgreSQL): 好差评 ratings, rating invitations and 差评整改 work orders.
CREATE TABLE rating_invitations (
    id uuid NOT NULL,
    case_number character varying(43) NOT NULL,
    stage character varying(40) NOT NULL,
    region_code character varying(12) NOT NULL,
    responsible_department_id uuid NOT NULL,
    implementation_code character varying(31),
    hall_id uuid,
    clerk_id uuid,
    recipient_account_id uuid NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    remind_at timestamp with time zone NOT NULL,
    reminded_at timestamp with time zone,
    active_by timestamp with time zone NOT NULL,
    default_at timestamp with time zone,
    default_level integer,
    state character varying(40) NOT NULL,
    rating_id uuid,
    closed_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_rating_invitations PRIMARY KEY (id)
);

CREATE TABLE ratings (
    id uuid NOT NULL,
    subject_kind character varying(40) NOT NULL,
    subject_ref character varying(64) NOT NULL,
    stage character varying(40),
    region_code character varying(12) NOT NULL,
    responsible_department_id uuid NOT NULL,
    implementation_code character varying(31),
    hall_id uuid,
    clerk_id uuid,
    level integer NOT NULL,
    tags character varying(1000) NOT NULL,
    comment character varying(500),
    channel character varying(40),
    rater_account_id uuid,
    rater_name character varying(100),
    rater_phone character varying(20),
    rated_at timestamp with time zone NOT NULL,
    defaulted boolean NOT NULL,
    appeal character varying(2000),
    appeal_state character varying(40),
    version integer NOT NULL,
    CONSTRAINT pk_ratings PRIMARY KEY (id)
);

CREATE TABLE rectifications (
    id uuid NOT NULL,
    rating_id uuid NOT NULL,
    department_id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    real_name boolean NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    deadline timestamp with time zone NOT NULL,
    state character varying(40) NOT NULL,
    rectified_at timestamp with time zone,
    closed_at timestamp with time zone,
    version integer NOT NULL,
    history character varying(16000) NOT NULL,
    CONSTRAINT pk_rectifications PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_rating_invitations_case_number_stage ON rating_invitations (case_number, stage);

CREATE INDEX ix_rating_invitations_recipient_account_id ON rating_invitations (recipient_account_id);

CREATE INDEX ix_rating_invitations_region_code ON rating_invitations (region_code);

CREATE INDEX ix_rating_invitations_sent_at ON rating_invitations (sent_at);

CREATE INDEX ix_rating_invitations_state_default_at ON rating_invitations (state, default_at);

CREATE INDEX ix_rating_invitations_state_remind_at ON rating_invitations (state, remind_at);

CREATE INDEX ix_ratings_appeal_state ON ratings (appeal_state);

CREATE INDEX ix_ratings_rated_at ON ratings (rated_at);

CREATE INDEX ix_ratings_region_code ON ratings (region_code);

CREATE INDEX ix_ratings_responsible_department_id_implementation_code ON ratings (responsible_department_id, implementation_code);

CREATE INDEX ix_rectifications_department_id_state ON rectifications (department_id, state);

CREATE UNIQUE INDEX ix_rectifications_rating_id ON rectifications (rating_id);

CREATE INDEX ix_rectifications_region_code_opened_at ON rectifications (region_code, opened_at);

-- A case stage is rated once (EF cannot declare an index over owned and owner columns together).
CREATE UNIQUE INDEX ux_ratings_subject_stage ON ratings (subject_kind, subject_ref, stage);
