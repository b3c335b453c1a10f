-- 0012 licence grants (Postgres): 亮证 codes and 用证授权 grants (one table with a kind; only the code's SHA-256 is kept)
-- and the usage log of every use (when, through which channel).
CREATE TABLE licence_grant_uses (
    id uuid NOT NULL,
    grant_id uuid NOT NULL,
    used_at timestamp with time zone NOT NULL,
    channel character varying(40) NOT NULL,
    CONSTRAINT pk_licence_grant_uses PRIMARY KEY (id)
);

CREATE TABLE licence_grants (
    id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    licence_id uuid NOT NULL,
    holder_code character varying(18) NOT NULL,
    grantee character varying(100),
    purpose character varying(200),
    code_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_licence_grants PRIMARY KEY (id)
);

CREATE INDEX ix_licence_grant_uses_grant_id_used_at ON licence_grant_uses (grant_id, used_at);

CREATE UNIQUE INDEX ix_licence_grants_code_hash ON licence_grants (code_hash);

CREATE INDEX ix_licence_grants_licence_id_kind_created_at ON licence_grants (licence_id, kind, created_at);
