using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations
{
    /// <summary>
    /// Cancellations keep what they changed, so they can be reopened; a job may then have several, only one
    /// not reopened (the unique index on JobId becomes a filtered one). Existing records are kept as they
    /// are, with no previous state: what they changed was never recorded, so the reopen refuses them with
    /// a sentence rather than guess (SQLite rebuilds JobCancellations for the new foreign keys, rows and ids kept).
    /// </summary>
    public partial class ReopenCancellations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobCancellations_JobId",
                table: "JobCancellations");

            migrationBuilder.AddColumn<int>(
                name: "PreviousJobStatusId",
                table: "JobCancellations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousLifeCycleState",
                table: "JobCancellations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "JobCancellations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReopenedAt",
                table: "JobCancellations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenedByUserId",
                table: "JobCancellations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JobCancellationItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobCancellationId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobCancellationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobCancellationItems_JobCancellations_JobCancellationId",
                        column: x => x.JobCancellationId,
                        principalTable: "JobCancellations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobCancellationItems_JobItems_JobItemId",
                        column: x => x.JobItemId,
                        principalTable: "JobItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellations_JobId_CancelledAt",
                table: "JobCancellations",
                columns: new[] { "JobId", "CancelledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellations_JobId_Current",
                table: "JobCancellations",
                column: "JobId",
                unique: true,
                filter: "\"ReopenedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellations_PreviousJobStatusId",
                table: "JobCancellations",
                column: "PreviousJobStatusId");

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellations_ReopenedByUserId",
                table: "JobCancellations",
                column: "ReopenedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellationItems_JobCancellationId",
                table: "JobCancellationItems",
                column: "JobCancellationId");

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellationItems_JobItemId",
                table: "JobCancellationItems",
                column: "JobItemId");

            migrationBuilder.AddForeignKey(
                name: "FK_JobCancellations_AspNetUsers_ReopenedByUserId",
                table: "JobCancellations",
                column: "ReopenedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_JobCancellations_JobStatuses_PreviousJobStatusId",
                table: "JobCancellations",
                column: "PreviousJobStatusId",
                principalTable: "JobStatuses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JobCancellations_AspNetUsers_ReopenedByUserId",
                table: "JobCancellations");

            migrationBuilder.DropForeignKey(
                name: "FK_JobCancellations_JobStatuses_PreviousJobStatusId",
                table: "JobCancellations");

            migrationBuilder.DropTable(
                name: "JobCancellationItems");

            migrationBuilder.DropIndex(
                name: "IX_JobCancellations_JobId_CancelledAt",
                table: "JobCancellations");

            migrationBuilder.DropIndex(
                name: "IX_JobCancellations_JobId_Current",
                table: "JobCancellations");

            migrationBuilder.DropIndex(
                name: "IX_JobCancellations_PreviousJobStatusId",
                table: "JobCancellations");

            migrationBuilder.DropIndex(
                name: "IX_JobCancellations_ReopenedByUserId",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "PreviousJobStatusId",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "PreviousLifeCycleState",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "ReopenReason",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "ReopenedByUserId",
                table: "JobCancellations");

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellations_JobId",
                table: "JobCancellations",
                column: "JobId",
                unique: true);
        }
    }
}
