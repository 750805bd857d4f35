using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StoredTextReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ErrorText",
                table: "Segments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ErrorText",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastErrorText",
                table: "NotificationDeliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ErrorText",
                table: "Jobs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ErrorText",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "ErrorText",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "LastErrorText",
                table: "NotificationDeliveries");

            migrationBuilder.DropColumn(
                name: "ErrorText",
                table: "Jobs");
        }
    }
}
