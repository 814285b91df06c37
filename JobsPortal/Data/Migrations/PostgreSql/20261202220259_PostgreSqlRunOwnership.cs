using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlRunOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                table: "ImportRuns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerInstance",
                table: "ImportRuns",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                table: "BulkRuns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerInstance",
                table: "BulkRuns",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "OwnerInstance",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "BulkRuns");

            migrationBuilder.DropColumn(
                name: "OwnerInstance",
                table: "BulkRuns");
        }
    }
}
