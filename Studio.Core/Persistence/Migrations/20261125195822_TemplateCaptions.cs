using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TemplateCaptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Captions",
                table: "Templates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Captions",
                table: "Templates");
        }
    }
}
