-- 0023 数据共享交换 (Postgres): 办件数据交换 batches (批次号 per region and city date) and what each record last sent, to tell I from U.
CREATE TABLE exchange_batches (
    id uuid NOT NULL,
    number character varying(24) NOT NULL,
    region character varying(12) NOT NULL,
    day date NOT NULL,
    sequence integer NOT NULL,
    kind character varying(40) NOT NULL,
    period_from date NOT NULL,
    period_to date NOT NULL,
    resend boolean NOT NULL,
    row_count integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    CONSTRAINT pk_exchange_batches PRIMARY KEY (id)
);

CREATE TABLE exchange_sent_records (
    kind character varying(40) NOT NULL,
    record_key character varying(120) NOT NULL,
    content_hash character varying(64) NOT NULL,
    batch_number character varying(24) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_exchange_sent_records PRIMARY KEY (kind, record_key)
);

CREATE UNIQUE INDEX ix_exchange_batches_number ON exchange_batches (number);

CREATE UNIQUE INDEX ix_exchange_batches_region_day_sequence ON exchange_batches (region, day, sequence);
