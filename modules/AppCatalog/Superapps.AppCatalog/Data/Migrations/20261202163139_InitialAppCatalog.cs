using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.AppCatalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialAppCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "appcatalog");

            migrationBuilder.CreateTable(
                name: "apps",
                schema: "appcatalog",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_agency_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vendor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    users = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    user_count = table.Column<int>(type: "integer", nullable: true),
                    yearly_cost = table.Column<long>(type: "bigint", nullable: false),
                    technology = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    hosting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    access_roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    access_agency_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    upstream = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    identity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    health_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    max_request_body_bytes = table.Column<long>(type: "bigint", nullable: false),
                    retirement_target = table.Column<DateOnly>(type: "date", nullable: true),
                    replacement_path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    retirement_notice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    retirement_contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "directory_stamp",
                schema: "appcatalog",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directory_stamp", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "usage_days",
                schema: "appcatalog",
                columns: table => new
                {
                    app_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    requests = table.Column<long>(type: "bigint", nullable: false),
                    errors = table.Column<long>(type: "bigint", nullable: false),
                    latency_buckets = table.Column<long[]>(type: "bigint[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usage_days", x => new { x.app_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "usage_users",
                schema: "appcatalog",
                columns: table => new
                {
                    app_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    user_ref = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usage_users", x => new { x.app_id, x.day, x.user_ref });
                });

            migrationBuilder.InsertData(
                schema: "appcatalog",
                table: "directory_stamp",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 1L });

            migrationBuilder.CreateIndex(
                name: "ix_apps_owner_agency_id",
                schema: "appcatalog",
                table: "apps",
                column: "owner_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_apps_slug",
                schema: "appcatalog",
                table: "apps",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_apps_status",
                schema: "appcatalog",
                table: "apps",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_usage_days_day",
                schema: "appcatalog",
                table: "usage_days",
                column: "day");

            // The directory's stamp (IAppDirectory.StampAsync): any change of the apps table bumps it in the same transaction, whoever makes
            // it (the catalogue, the import, the seeder, a script), so the proxy of every portal instance sees the change with its data.
            migrationBuilder.Sql("""
                CREATE FUNCTION appcatalog.bump_directory_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE appcatalog.directory_stamp SET value = value + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER apps_bump_directory_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appcatalog.apps
                    FOR EACH STATEMENT EXECUTE FUNCTION appcatalog.bump_directory_stamp();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS apps_bump_directory_stamp ON appcatalog.apps; DROP FUNCTION IF EXISTS appcatalog.bump_directory_stamp();");

            migrationBuilder.DropTable(
                name: "apps",
                schema: "appcatalog");

            migrationBuilder.DropTable(
                name: "directory_stamp",
                schema: "appcatalog");

            migrationBuilder.DropTable(
                name: "usage_days",
                schema: "appcatalog");

            migrationBuilder.DropTable(
                name: "usage_users",
                schema: "appcatalog");
        }
    }
}
