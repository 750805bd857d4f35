using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationEmailLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailLanguage",
                table: "NotificationPreferences",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmailLanguage",
                table: "NotificationPreferences");
        }
    }
}
