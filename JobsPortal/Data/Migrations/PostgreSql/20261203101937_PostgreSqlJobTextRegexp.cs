using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobsPortal.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The job search's tsvector column is generated with <c>regexp_replace</c> instead of <c>translate</c>: the same
    /// words for every description, at half the cost per row written (see <see cref="JobsPortal.Data.PostgreSqlJobText.VectorSql"/>).
    /// PostgreSQL 15 cannot change a generated column's expression, so the column and its GIN index are made again,
    /// which rewrites Jobs once (about 30 s for 1M jobs). The EF Core model does not change.
    /// </summary>
    public partial class PostgreSqlJobTextRegexp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in JobsPortal.Data.PostgreSqlJobText.ReplaceVectorSql(JobsPortal.Data.PostgreSqlJobText.VectorSql))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in JobsPortal.Data.PostgreSqlJobText.ReplaceVectorSql(JobsPortal.Data.PostgreSqlJobText.TranslateVectorSql))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
