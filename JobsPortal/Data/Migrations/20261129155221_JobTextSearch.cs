using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations
{
    /// <summary>
    /// A full-text index over the words of a job's description, for the job search: an FTS5 table with external content (it stores only the index; the text stays in
    /// Jobs, and its rowid is the job's Id), kept in step by triggers on Jobs. EF Core maps no table
    /// to it (see JobTextIndex); the model change here is only the keyless JobTextMatch.
    /// </summary>
    public partial class JobTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "JobsSearch" USING fts5(
                    "Description",
                    content = 'Jobs', content_rowid = 'Id',
                    tokenize = 'unicode61 remove_diacritics 2');
                """);

            // External content: FTS5 cannot see changes to Jobs by itself. A delete must hand it the
            // old value exactly as it was indexed. The update trigger fires only when the description
            // is in the UPDATE (EF Core writes only changed columns), so a cancel or a status change
            // does not touch the index.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Jobs_SearchInsert" AFTER INSERT ON "Jobs" BEGIN
                    INSERT INTO "JobsSearch"(rowid, "Description")
                    VALUES (new."Id", new."Description");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Jobs_SearchDelete" AFTER DELETE ON "Jobs" BEGIN
                    INSERT INTO "JobsSearch"("JobsSearch", rowid, "Description")
                    VALUES ('delete', old."Id", old."Description");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Jobs_SearchUpdate" AFTER UPDATE OF "Description" ON "Jobs" BEGIN
                    INSERT INTO "JobsSearch"("JobsSearch", rowid, "Description")
                    VALUES ('delete', old."Id", old."Description");
                    INSERT INTO "JobsSearch"(rowid, "Description")
                    VALUES (new."Id", new."Description");
                END;
                """);

            // Jobs written before this migration.
            migrationBuilder.Sql("""INSERT INTO "JobsSearch"("JobsSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Jobs_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Jobs_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Jobs_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "JobsSearch";""");
        }
    }
}
