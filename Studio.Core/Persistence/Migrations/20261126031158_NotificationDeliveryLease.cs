using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationDeliveryLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "NotificationDeliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "NotificationDeliveries",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "NotificationDeliveries");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "NotificationDeliveries");
        }
    }
}
