using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "notifications");

            migrationBuilder.CreateTable(
                name: "notices",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title_indonesian = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title_english = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body_indonesian = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    body_english = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "preferences",
                schema: "notifications",
                columns: table => new
                {
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    whats_app_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    whats_app_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    email_muted_topics = table.Column<List<int>>(type: "integer[]", nullable: false),
                    whats_app_muted_topics = table.Column<List<int>>(type: "integer[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_preferences", x => x.employee_id);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_deliveries_notifications_notification_id",
                        column: x => x.notification_id,
                        principalSchema: "notifications",
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                schema: "notifications",
                table: "deliveries",
                column: "next_attempt_at",
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_notification_id_channel",
                schema: "notifications",
                table: "deliveries",
                columns: new[] { "notification_id", "channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notices_recipient_employee_id_created_at",
                schema: "notifications",
                table: "notices",
                columns: new[] { "recipient_employee_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_recipient_employee_id_key",
                schema: "notifications",
                table: "notices",
                columns: new[] { "recipient_employee_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notices_unread",
                schema: "notifications",
                table: "notices",
                column: "recipient_employee_id",
                filter: "read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliveries",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "preferences",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "notices",
                schema: "notifications");
        }
    }
}
