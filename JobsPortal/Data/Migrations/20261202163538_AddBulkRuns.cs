using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddBulkRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BulkRunId",
                table: "JobCancellations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BulkRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CancelProvidedItems = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<int>(type: "INTEGER", nullable: false),
                    AlreadyCancelled = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StoppedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulkRuns_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BulkRuns_AspNetUsers_StoppedByUserId",
                        column: x => x.StoppedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "BulkRunChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BulkRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobStatusId = table.Column<int>(type: "INTEGER", nullable: false),
                    CancellationReasonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkRunChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulkRunChoices_BulkRuns_BulkRunId",
                        column: x => x.BulkRunId,
                        principalTable: "BulkRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BulkRunChoices_CancellationReasons_CancellationReasonId",
                        column: x => x.CancellationReasonId,
                        principalTable: "CancellationReasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BulkRunChoices_JobStatuses_JobStatusId",
                        column: x => x.JobStatusId,
                        principalTable: "JobStatuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BulkRunChoices_JobTypes_JobTypeId",
                        column: x => x.JobTypeId,
                        principalTable: "JobTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BulkRunJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BulkRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkRunJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulkRunJobs_BulkRuns_BulkRunId",
                        column: x => x.BulkRunId,
                        principalTable: "BulkRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BulkRunJobs_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellations_BulkRunId",
                table: "JobCancellations",
                column: "BulkRunId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkRunChoices_BulkRunId_JobTypeId",
                table: "BulkRunChoices",
                columns: new[] { "BulkRunId", "JobTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulkRunChoices_CancellationReasonId",
                table: "BulkRunChoices",
                column: "CancellationReasonId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkRunChoices_JobStatusId",
                table: "BulkRunChoices",
                column: "JobStatusId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkRunChoices_JobTypeId",
                table: "BulkRunChoices",
                column: "JobTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkRunJobs_BulkRunId_JobId",
                table: "BulkRunJobs",
                columns: new[] { "BulkRunId", "JobId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulkRunJobs_BulkRunId_Position",
                table: "BulkRunJobs",
                columns: new[] { "BulkRunId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulkRunJobs_JobId",
                table: "BulkRunJobs",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkRuns_CreatedByUserId_CreatedAt",
                table: "BulkRuns",
                columns: new[] { "CreatedByUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BulkRuns_State",
                table: "BulkRuns",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_BulkRuns_StoppedByUserId",
                table: "BulkRuns",
                column: "StoppedByUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_JobCancellations_BulkRuns_BulkRunId",
                table: "JobCancellations",
                column: "BulkRunId",
                principalTable: "BulkRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JobCancellations_BulkRuns_BulkRunId",
                table: "JobCancellations");

            migrationBuilder.DropTable(
                name: "BulkRunChoices");

            migrationBuilder.DropTable(
                name: "BulkRunJobs");

            migrationBuilder.DropTable(
                name: "BulkRuns");

            migrationBuilder.DropIndex(
                name: "IX_JobCancellations_BulkRunId",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "BulkRunId",
                table: "JobCancellations");
        }
    }
}
