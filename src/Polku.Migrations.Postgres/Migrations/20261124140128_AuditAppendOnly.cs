using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEntries is append-only';
                END;
                $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NoChange" BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();""");
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_NoTruncate" ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_NoChange" ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION audit_entries_append_only();");
        }
    }
}
