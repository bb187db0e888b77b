using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Panels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Experts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Training = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Available = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Panels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    StratifyBy = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CandidatesPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Panels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Panels_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BookedExpertId = table.Column<int>(type: "INTEGER", nullable: true),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertRequests_Experts_BookedExpertId",
                        column: x => x.BookedExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpertRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMeetings_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelProposals_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelQuota",
                columns: table => new
                {
                    PanelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelQuota", x => new { x.PanelId, x.Stratum });
                    table.ForeignKey(
                        name: "FK_PanelQuota_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelVolunteers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LifeSituation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    Invited = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelVolunteers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelVolunteers_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertRequests_BookedExpertId",
                table: "ExpertRequests",
                column: "BookedExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertRequests_Date_BookedExpertId",
                table: "ExpertRequests",
                columns: new[] { "Date", "BookedExpertId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertRequests_OrganisationId",
                table: "ExpertRequests",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetings_PanelId",
                table: "PanelMeetings",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelProposals_PanelId",
                table: "PanelProposals",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_Panels_OrganisationId",
                table: "Panels",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelVolunteers_PanelId_Number",
                table: "PanelVolunteers",
                columns: new[] { "PanelId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelVolunteers_PanelId_UserId",
                table: "PanelVolunteers",
                columns: new[] { "PanelId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertRequests");

            migrationBuilder.DropTable(
                name: "PanelMeetings");

            migrationBuilder.DropTable(
                name: "PanelProposals");

            migrationBuilder.DropTable(
                name: "PanelQuota");

            migrationBuilder.DropTable(
                name: "PanelVolunteers");

            migrationBuilder.DropTable(
                name: "Experts");

            migrationBuilder.DropTable(
                name: "Panels");
        }
    }
}
