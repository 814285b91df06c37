using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlOverviewDueSoonIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Jobs_AssignedUnitId_ExpirationDate",
                table: "Jobs",
                columns: new[] { "AssignedUnitId", "ExpirationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_AssignedUnitId_ScheduledDate",
                table: "Jobs",
                columns: new[] { "AssignedUnitId", "ScheduledDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_AssignedUserId_ExpirationDate",
                table: "Jobs",
                columns: new[] { "AssignedUserId", "ExpirationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_AssignedUserId_ScheduledDate",
                table: "Jobs",
                columns: new[] { "AssignedUserId", "ScheduledDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_AssignedUnitId_ExpirationDate",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_AssignedUnitId_ScheduledDate",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_AssignedUserId_ExpirationDate",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_AssignedUserId_ScheduledDate",
                table: "Jobs");
        }
    }
}
