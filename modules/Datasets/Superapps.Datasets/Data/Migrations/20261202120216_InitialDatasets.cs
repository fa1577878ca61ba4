using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Datasets.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialDatasets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "datasets");

            migrationBuilder.CreateTable(
                name: "datasets",
                schema: "datasets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    producer_agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    columns = table.Column<string>(type: "jsonb", nullable: false),
                    frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_day = table.Column<int>(type: "integer", nullable: false),
                    first_period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_datasets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "versions",
                schema: "datasets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    file_bytes = table.Column<long>(type: "bigint", nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_versions_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalSchema: "datasets",
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rows",
                schema: "datasets",
                columns: table => new
                {
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    values = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rows", x => new { x.version_id, x.row_number });
                    table.ForeignKey(
                        name: "fk_rows_versions_version_id",
                        column: x => x.version_id,
                        principalSchema: "datasets",
                        principalTable: "versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_datasets_code",
                schema: "datasets",
                table: "datasets",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_datasets_producer_agency_id",
                schema: "datasets",
                table: "datasets",
                column: "producer_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_versions_dataset_id_number",
                schema: "datasets",
                table: "versions",
                columns: new[] { "dataset_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_versions_dataset_id_period_status",
                schema: "datasets",
                table: "versions",
                columns: new[] { "dataset_id", "period", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rows",
                schema: "datasets");

            migrationBuilder.DropTable(
                name: "versions",
                schema: "datasets");

            migrationBuilder.DropTable(
                name: "datasets",
                schema: "datasets");
        }
    }
}
