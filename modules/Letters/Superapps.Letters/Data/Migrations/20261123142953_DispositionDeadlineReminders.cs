using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class DispositionDeadlineReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_dispositions_deadline_pending",
                schema: "letters",
                table: "dispositions",
                column: "deadline",
                filter: "status < 3 AND deadline IS NOT NULL AND escalated_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dispositions_deadline_pending",
                schema: "letters",
                table: "dispositions");
        }
    }
}
