-- 0010 licences (Postgres): 证照类型, 电子证照 with their signed QR payloads, 证照流水号 counters per type and issuer,
-- departments' seals (public keys; rotation by generation) and the default key store's protected private keys.
CREATE TABLE licence_serial_counters (
    type_code character varying(21) NOT NULL,
    issuer_uscc character varying(18) NOT NULL,
    last_serial bigint NOT NULL,
    CONSTRAINT pk_licence_serial_counters PRIMARY KEY (type_code, issuer_uscc)
);

CREATE TABLE licence_types (
    id uuid NOT NULL,
    code character varying(21) NOT NULL,
    name character varying(60) NOT NULL,
    validity character varying(200) NOT NULL,
    template character varying(4000) NOT NULL,
    one_per_holder boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    fields character varying(8000) NOT NULL,
    issuer_department_ids character varying(4000) NOT NULL,
    CONSTRAINT pk_licence_types PRIMARY KEY (id)
);

CREATE TABLE licences (
    id uuid NOT NULL,
    identifier character varying(82) NOT NULL,
    type_code character varying(21) NOT NULL,
    type_name character varying(60) NOT NULL,
    issuer_department_id uuid NOT NULL,
    issuer_uscc character varying(18) NOT NULL,
    issuer_name character varying(100) NOT NULL,
    holder_code_type character varying(40) NOT NULL,
    holder_code character varying(18) NOT NULL,
    holder_name character varying(100) NOT NULL,
    issued_on date NOT NULL,
    valid_from date NOT NULL,
    valid_until date,
    origin character varying(40) NOT NULL,
    case_number character varying(43),
    payload character varying(2000) NOT NULL,
    key_id character varying(40) NOT NULL,
    status character varying(40) NOT NULL,
    status_reason character varying(500),
    status_changed_at timestamp with time zone,
    superseded_by character varying(82),
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    data character varying(8000) NOT NULL,
    CONSTRAINT pk_licences PRIMARY KEY (id)
);

CREATE TABLE seal_keys (
    key_id character varying(40) NOT NULL,
    protected_key character varying(4000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_seal_keys PRIMARY KEY (key_id)
);

CREATE TABLE seals (
    id uuid NOT NULL,
    department_id uuid NOT NULL,
    generation integer NOT NULL,
    department_name character varying(100) NOT NULL,
    uscc character varying(18) NOT NULL,
    key_id character varying(40) NOT NULL,
    public_key character varying(500) NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_until timestamp with time zone NOT NULL,
    retired_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_seals PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_licence_types_code ON licence_types (code);

CREATE INDEX ix_licences_case_number ON licences (case_number);

CREATE INDEX ix_licences_holder_code ON licences (holder_code);

CREATE UNIQUE INDEX ix_licences_identifier ON licences (identifier);

CREATE INDEX ix_licences_issuer_department_id_issued_on ON licences (issuer_department_id, issued_on);

CREATE UNIQUE INDEX ix_seals_department_id_generation ON seals (department_id, generation);

CREATE UNIQUE INDEX ix_seals_key_id ON seals (key_id);
