using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations
{
    /// <summary>
    /// The full-text index again, now with FTS5's prefix indexes for word starts of two to eight
    /// characters (JobTextIndex.PrefixLengths), so that "inst" finds "installation" with one seek
    /// per question, as a whole word does. FTS5 takes the option only when the table is created: the
    /// table and its triggers are made again (the same triggers as JobTextSearch), then filled from
    /// Jobs and merged into one segment. No model change.
    /// </summary>
    public partial class JobTextSearchPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder, "prefix = '2 3 4 5 6 7 8', ");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Create(migrationBuilder, "");

        private static void Create(MigrationBuilder migrationBuilder, string prefixOption)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Jobs_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Jobs_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Jobs_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "JobsSearch";""");

            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE "JobsSearch" USING fts5(
                    "Description",
                    content = 'Jobs', content_rowid = 'Id', {prefixOption}
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
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

            migrationBuilder.Sql("""INSERT INTO "JobsSearch"("JobsSearch") VALUES ('rebuild');""");
            migrationBuilder.Sql("""INSERT INTO "JobsSearch"("JobsSearch") VALUES ('optimize');""");
        }
    }
}
