-- 0020 效能监管 (PostgreSQL): daily pre-aggregates of the indicators (counters and a handling-time histogram per city date and
-- region, department, implementation, hall, channel), their refresh marks, and where a window filing was received.
ALTER TABLE cases ADD COLUMN intake_hall_id uuid NULL;
ALTER TABLE cases ADD COLUMN intake_window_kind character varying(40) NULL;
CREATE INDEX ix_cases_submitted_at ON cases (submitted_at);
CREATE INDEX ix_cases_accepted_at ON cases (accepted_at);
CREATE INDEX ix_cases_completed_at ON cases (completed_at);
CREATE INDEX ix_cases_status_promised_base_deadline ON cases (status, promised_base_deadline);

CREATE TABLE supervision_daily_counts (
    day date NOT NULL,
    region_code character varying(12) NOT NULL,
    department_id uuid NOT NULL,
    implementation_code character varying(31) NOT NULL,
    hall_id uuid NOT NULL,
    channel character varying(40) NOT NULL,
    filed bigint NOT NULL,
    filed_online bigint NOT NULL,
    filed_at_window bigint NOT NULL,
    filed_at_comprehensive_window bigint NOT NULL,
    accepted bigint NOT NULL,
    accepted_with_deficiency bigint NOT NULL,
    accepted_under_commitment bigint NOT NULL,
    finished bigint NOT NULL,
    finished_fully_online bigint NOT NULL,
    finished_with_at_most_one_visit bigint NOT NULL,
    finished_with_zero_visits bigint NOT NULL,
    finished_on_time bigint NOT NULL,
    finished_late bigint NOT NULL,
    rating_invitations bigint NOT NULL,
    active_ratings bigint NOT NULL,
    good_ratings bigint NOT NULL,
    defaulted_ratings bigint NOT NULL,
    bad_ratings bigint NOT NULL,
    rectifications_closed bigint NOT NULL,
    CONSTRAINT pk_supervision_daily_counts PRIMARY KEY (day, region_code, department_id, implementation_code, hall_id, channel)
);

CREATE TABLE supervision_daily_handling_times (
    day date NOT NULL,
    region_code character varying(12) NOT NULL,
    department_id uuid NOT NULL,
    implementation_code character varying(31) NOT NULL,
    hall_id uuid NOT NULL,
    channel character varying(40) NOT NULL,
    working_days integer NOT NULL,
    cases bigint NOT NULL,
    CONSTRAINT pk_supervision_daily_handling_times PRIMARY KEY (day, region_code, department_id, implementation_code, hall_id, channel, working_days)
);

CREATE TABLE supervision_day_refreshes (
    day date NOT NULL,
    refreshed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_supervision_day_refreshes PRIMARY KEY (day)
);

CREATE TABLE supervision_dirty_days (
    id uuid NOT NULL,
    day date NOT NULL,
    marked_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_supervision_dirty_days PRIMARY KEY (id)
);

CREATE INDEX ix_supervision_daily_counts_region_code_day ON supervision_daily_counts (region_code, day);

CREATE INDEX ix_supervision_daily_handling_times_region_code_day ON supervision_daily_handling_times (region_code, day);

CREATE INDEX ix_supervision_dirty_days_day ON supervision_dirty_days (day);

