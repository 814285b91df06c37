using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations
{
    /// <summary>
    /// An index for each sort the /jobs grid offers that had none, so that the first page of any sort
    /// over a million jobs is read from an index instead of sorting them all: description, expiration,
    /// update, (type, created) for the type name's order, and the life cycle order. That last one is an
    /// index on the expression JobSearchService sorts by (draft first); EF Core's model has no word for
    /// it, so it is SQL here, and SQLite uses it only while the query's CASE stays the same (a test
    /// checks the plan).
    /// </summary>
    public partial class JobSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Description",
                table: "Jobs",
                column: "Description");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_ExpirationDate",
                table: "Jobs",
                column: "ExpirationDate");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_JobTypeId_CreatedAt",
                table: "Jobs",
                columns: new[] { "JobTypeId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_UpdatedAt",
                table: "Jobs",
                column: "UpdatedAt");

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Jobs_LifeCycleOrder" ON "Jobs" ((CASE
                    WHEN "LifeCycleState" = 'DRAFT' THEN 0
                    WHEN "LifeCycleState" = 'PENDING' THEN 1
                    WHEN "LifeCycleState" = 'IN_PROGRESS' THEN 2
                    WHEN "LifeCycleState" = 'COMPLETED' THEN 3
                    ELSE 4
                END));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Jobs_LifeCycleOrder";""");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Description",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_ExpirationDate",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_JobTypeId_CreatedAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_UpdatedAt",
                table: "Jobs");
        }
    }
}
