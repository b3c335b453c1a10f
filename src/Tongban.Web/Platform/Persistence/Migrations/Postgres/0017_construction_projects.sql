-- 0017 construction projects (PostgreSQL): 工程建设项目 with their stages (items and their cases, joint inspections), 特别程序 and 报装 as JSON documents.
CREATE TABLE construction_projects (
    id uuid NOT NULL,
    number character varying(18) NOT NULL,
    code character varying(50) NOT NULL,
    name character varying(200) NOT NULL,
    applicant_kind character varying(40) NOT NULL,
    applicant_id_number character varying(18),
    applicant_uscc character varying(18),
    applicant_name character varying(100) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    stages text NOT NULL,
    pauses text NOT NULL,
    connections text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_construction_projects PRIMARY KEY (id)
);

CREATE INDEX ix_construction_projects_applicant_id_number ON construction_projects (applicant_id_number);
CREATE INDEX ix_construction_projects_applicant_uscc ON construction_projects (applicant_uscc);
CREATE UNIQUE INDEX ix_construction_projects_number ON construction_projects (number);
