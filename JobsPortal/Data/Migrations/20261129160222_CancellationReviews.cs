using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CancellationReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastReviewComment",
                table: "JobCancellations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReviewedAt",
                table: "JobCancellations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewState",
                table: "JobCancellations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotReviewed");

            migrationBuilder.CreateTable(
                name: "CancellationReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobCancellationId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CancellationReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CancellationReviews_AspNetUsers_ReviewedByUserId",
                        column: x => x.ReviewedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CancellationReviews_JobCancellations_JobCancellationId",
                        column: x => x.JobCancellationId,
                        principalTable: "JobCancellations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobCancellations_ReviewState_CancelledAt",
                table: "JobCancellations",
                columns: new[] { "ReviewState", "CancelledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CancellationReviews_JobCancellationId_ReviewedAt",
                table: "CancellationReviews",
                columns: new[] { "JobCancellationId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CancellationReviews_ReviewedByUserId",
                table: "CancellationReviews",
                column: "ReviewedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CancellationReviews");

            migrationBuilder.DropIndex(
                name: "IX_JobCancellations_ReviewState_CancelledAt",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "LastReviewComment",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "LastReviewedAt",
                table: "JobCancellations");

            migrationBuilder.DropColumn(
                name: "ReviewState",
                table: "JobCancellations");
        }
    }
}
