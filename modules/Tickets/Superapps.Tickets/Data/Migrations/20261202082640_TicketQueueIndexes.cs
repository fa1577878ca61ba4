using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Tickets.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_agency_id",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_assignee_user_id",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                schema: "tickets",
                table: "tickets",
                type: "text",
                nullable: true,
                computedColumnSql: "number || ' ' || site_name || ' ' || description",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_agency_id_priority_created_at",
                schema: "tickets",
                table: "tickets",
                columns: new[] { "agency_id", "priority", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_assignee_user_id_status",
                schema: "tickets",
                table: "tickets",
                columns: new[] { "assignee_user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at",
                schema: "tickets",
                table: "tickets",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_open_priority_created_at",
                schema: "tickets",
                table: "tickets",
                columns: new[] { "priority", "created_at" },
                filter: "status IN ('New', 'Assigned', 'InProgress', 'Reopened')");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_priority_created_at",
                schema: "tickets",
                table: "tickets",
                columns: new[] { "priority", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_search_text",
                schema: "tickets",
                table: "tickets",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_updated_at",
                schema: "tickets",
                table: "tickets",
                column: "updated_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_agency_id_priority_created_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_assignee_user_id_status",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_created_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_open_priority_created_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_priority_created_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_search_text",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_updated_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "search_text",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_agency_id",
                schema: "tickets",
                table: "tickets",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_assignee_user_id",
                schema: "tickets",
                table: "tickets",
                column: "assignee_user_id");
        }
    }
}
