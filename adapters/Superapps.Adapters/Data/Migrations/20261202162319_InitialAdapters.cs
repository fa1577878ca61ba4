using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Superapps.Adapters.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialAdapters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "adapters");

            migrationBuilder.CreateTable(
                name: "checkpoints",
                schema: "adapters",
                columns: table => new
                {
                    adapter_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkpoints", x => x.adapter_key);
                });

            migrationBuilder.CreateTable(
                name: "imported_records",
                schema: "adapters",
                columns: table => new
                {
                    adapter_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    internal_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_records", x => new { x.adapter_key, x.external_id });
                });

            migrationBuilder.CreateTable(
                name: "runs",
                schema: "adapters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    adapter_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    triggered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    read_count = table.Column<int>(type: "integer", nullable: false),
                    created_count = table.Column<int>(type: "integer", nullable: false),
                    updated_count = table.Column<int>(type: "integer", nullable: false),
                    skipped_count = table.Column<int>(type: "integer", nullable: false),
                    failed_count = table.Column<int>(type: "integer", nullable: false),
                    checkpoint_before = table.Column<string>(type: "text", nullable: true),
                    checkpoint_after = table.Column<string>(type: "text", nullable: true),
                    message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "run_errors",
                schema: "adapters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    message_indonesian = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    message_english = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_errors", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_errors_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "adapters",
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_run_errors_run_id_id",
                schema: "adapters",
                table: "run_errors",
                columns: new[] { "run_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_runs_adapter_key_started_at",
                schema: "adapters",
                table: "runs",
                columns: new[] { "adapter_key", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ux_runs_one_running_per_adapter",
                schema: "adapters",
                table: "runs",
                column: "adapter_key",
                unique: true,
                filter: "status = 'Running'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkpoints",
                schema: "adapters");

            migrationBuilder.DropTable(
                name: "imported_records",
                schema: "adapters");

            migrationBuilder.DropTable(
                name: "run_errors",
                schema: "adapters");

            migrationBuilder.DropTable(
                name: "runs",
                schema: "adapters");
        }
    }
}
