-- 0017 construction projects (Sqlite): 工程建设项目 with their stages (items and their cases, joint inspections), 特别程序 and 报装 as JSON documents.
CREATE TABLE "construction_projects" (
    "id" TEXT NOT NULL CONSTRAINT "pk_construction_projects" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_id_number" TEXT NULL,
    "applicant_uscc" TEXT NULL,
    "applicant_name" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "stages" TEXT NOT NULL,
    "pauses" TEXT NOT NULL,
    "connections" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE INDEX "ix_construction_projects_applicant_id_number" ON "construction_projects" ("applicant_id_number");
CREATE INDEX "ix_construction_projects_applicant_uscc" ON "construction_projects" ("applicant_uscc");
CREATE UNIQUE INDEX "ix_construction_projects_number" ON "construction_projects" ("number");
