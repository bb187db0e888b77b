using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BudgetWinnerRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WinnerRule",
                table: "BudgetRounds",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Greedy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WinnerRule",
                table: "BudgetRounds");
        }
    }
}
