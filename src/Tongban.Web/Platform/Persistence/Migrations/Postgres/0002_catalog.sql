-- 0002 catalog: basic items, claim exemptions, implementations and their published versions, search rows, usage counters (PostgreSQL).
CREATE TABLE catalog_items (
    code character varying(12) NOT NULL,
    name character varying(200) NOT NULL,
    type character varying(40) NOT NULL,
    competent_department character varying(200) NOT NULL,
    legal_basis text NOT NULL,
    levels character varying(20) NOT NULL,
    parent_code character varying(12),
    issued_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_catalog_items PRIMARY KEY (code)
);

CREATE TABLE claim_exemptions (
    basic_code character varying(12) NOT NULL,
    region_code character varying(12) NOT NULL,
    reason character varying(1000) NOT NULL,
    lead_department_id uuid NOT NULL,
    filed_at timestamp with time zone NOT NULL,
    filed_by character varying(100) NOT NULL,
    CONSTRAINT pk_claim_exemptions PRIMARY KEY (basic_code, region_code)
);

CREATE TABLE implementations (
    id uuid NOT NULL,
    code character varying(31) NOT NULL,
    basic_code character varying(12) NOT NULL,
    department_id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    status character varying(40) NOT NULL,
    draft_json text NOT NULL,
    draft_name character varying(200) NOT NULL,
    published_version integer,
    claimed_at timestamp with time zone NOT NULL,
    claimed_by character varying(100) NOT NULL,
    submitted_at timestamp with time zone,
    submitted_by character varying(100),
    return_reason character varying(2000),
    version integer NOT NULL,
    CONSTRAINT pk_implementations PRIMARY KEY (id),
    CONSTRAINT fk_implementations_catalog_items_basic_code FOREIGN KEY (basic_code) REFERENCES catalog_items (code) ON DELETE RESTRICT
);

CREATE TABLE catalog_search_entries (
    implementation_id uuid NOT NULL,
    code character varying(31) NOT NULL,
    basic_code character varying(12) NOT NULL,
    version_number integer NOT NULL,
    name character varying(200) NOT NULL,
    department_id uuid NOT NULL,
    department_name character varying(200) NOT NULL,
    region_code character varying(12) NOT NULL,
    audience integer NOT NULL,
    item_type character varying(40) NOT NULL,
    online_depth character varying(40) NOT NULL,
    service_scope character varying(40) NOT NULL,
    terms character varying(4000) NOT NULL,
    pinyin character varying(1000) NOT NULL,
    initials character varying(200) NOT NULL,
    life_events character varying(1000) NOT NULL,
    published_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_catalog_search_entries PRIMARY KEY (implementation_id),
    CONSTRAINT fk_catalog_search_entries_implementations_implementation_id FOREIGN KEY (implementation_id) REFERENCES implementations (id) ON DELETE CASCADE
);

CREATE TABLE implementation_usage (
    implementation_id uuid NOT NULL,
    month date NOT NULL,
    cases integer NOT NULL,
    CONSTRAINT pk_implementation_usage PRIMARY KEY (implementation_id, month),
    CONSTRAINT fk_implementation_usage_implementations_implementation_id FOREIGN KEY (implementation_id) REFERENCES implementations (id) ON DELETE CASCADE
);

CREATE TABLE implementation_versions (
    implementation_id uuid NOT NULL,
    number integer NOT NULL,
    code character varying(31) NOT NULL,
    content_json text NOT NULL,
    published_at timestamp with time zone NOT NULL,
    published_by character varying(100) NOT NULL,
    CONSTRAINT pk_implementation_versions PRIMARY KEY (implementation_id, number),
    CONSTRAINT fk_implementation_versions_implementations_implementation_id FOREIGN KEY (implementation_id) REFERENCES implementations (id) ON DELETE RESTRICT
);

CREATE INDEX ix_catalog_items_name ON catalog_items (name);

CREATE UNIQUE INDEX ix_catalog_search_entries_code ON catalog_search_entries (code);

CREATE INDEX ix_catalog_search_entries_region_code ON catalog_search_entries (region_code);

CREATE INDEX ix_implementation_versions_code_number ON implementation_versions (code, number);

CREATE INDEX ix_implementations_basic_code ON implementations (basic_code);

CREATE UNIQUE INDEX ix_implementations_code ON implementations (code);

CREATE INDEX ix_implementations_department_id ON implementations (department_id);

CREATE INDEX ix_implementations_region_code_status ON implementations (region_code, status);

