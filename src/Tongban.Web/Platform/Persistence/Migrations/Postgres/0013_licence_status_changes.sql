-- 0013 licence administration (Postgres): the status history of licences (暂停, 恢复, 撤销, 变更换发) as the issuer's staff see it.
CREATE TABLE licence_status_changes (
    id uuid NOT NULL,
    licence_id uuid NOT NULL,
    from_status character varying(40) NOT NULL,
    to_status character varying(40) NOT NULL,
    reason character varying(500) NOT NULL,
    actor_name character varying(100) NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_licence_status_changes PRIMARY KEY (id)
);

CREATE INDEX ix_licence_status_changes_licence_id_at ON licence_status_changes (licence_id, at);
