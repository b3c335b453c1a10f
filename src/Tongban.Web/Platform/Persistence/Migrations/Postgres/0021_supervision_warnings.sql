-- 0021 效能监管 (Postgres): 预警 push keys (one per case and level) and staff notices; 督办 orders.
CREATE TABLE supervision_notices (
    id uuid NOT NULL,
    account_id uuid NOT NULL,
    case_id uuid NOT NULL,
    case_number character varying(43) NOT NULL,
    level character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT pk_supervision_notices PRIMARY KEY (id)
);

CREATE TABLE supervision_orders (
    id uuid NOT NULL,
    subject character varying(40) NOT NULL,
    case_number character varying(43),
    department_id uuid NOT NULL,
    region character varying(12) NOT NULL,
    message character varying(1000) NOT NULL,
    issued_by uuid NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    answer_deadline timestamp with time zone NOT NULL,
    state character varying(40) NOT NULL,
    answer character varying(1000),
    answered_by uuid,
    answered_at timestamp with time zone,
    closed_at timestamp with time zone,
    closed_by uuid,
    closing_note character varying(1000),
    version integer NOT NULL,
    CONSTRAINT pk_supervision_orders PRIMARY KEY (id)
);

CREATE TABLE supervision_warning_pushes (
    case_id uuid NOT NULL,
    level character varying(40) NOT NULL,
    case_number character varying(43) NOT NULL,
    department_id uuid NOT NULL,
    pushed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_supervision_warning_pushes PRIMARY KEY (case_id, level)
);

CREATE INDEX ix_supervision_notices_account_id_read_at ON supervision_notices (account_id, read_at);

CREATE INDEX ix_supervision_orders_case_number ON supervision_orders (case_number);

CREATE INDEX ix_supervision_orders_department_id_state ON supervision_orders (department_id, state);

CREATE INDEX ix_supervision_orders_region_issued_at ON supervision_orders (region, issued_at);

