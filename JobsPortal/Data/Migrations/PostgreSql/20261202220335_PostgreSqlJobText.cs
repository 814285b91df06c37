using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The job search's words on PostgreSQL (what FTS5 is on SQLite): a generated tsvector column with a
    /// GIN index, and text_pattern_ops indexes for number and account starts. The SQL lives in
    /// <see cref="JobsPortal.Data.PostgreSqlJobText"/>, beside the queries that read it; the EF Core model does not change.
    /// </summary>
    public partial class PostgreSqlJobText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in JobsPortal.Data.PostgreSqlJobText.CreateSql)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in JobsPortal.Data.PostgreSqlJobText.DropSql)
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
