using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoWrittenNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfessionalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProfessionalText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClientComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClientAgrees = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClientAnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoWrittenNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoWrittenNotes_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoWrittenNotes_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerProfessionalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResultEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResultFi = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResultSv = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentActions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentActions_Professionals_OwnerProfessionalId",
                        column: x => x.OwnerProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    TouchpointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GiverClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Recommendation = table.Column<int>(type: "INTEGER", nullable: true),
                    GotHelp = table.Column<int>(type: "INTEGER", nullable: true),
                    Respected = table.Column<int>(type: "INTEGER", nullable: true),
                    Listened = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StateChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DevelopmentActionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Clients_GiverClientId",
                        column: x => x.GiverClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_DevelopmentActions_DevelopmentActionId",
                        column: x => x.DevelopmentActionId,
                        principalTable: "DevelopmentActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DevelopmentActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_DevelopmentActions_DevelopmentActionId",
                        column: x => x.DevelopmentActionId,
                        principalTable: "DevelopmentActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoWrittenNotes_ClientId",
                table: "CoWrittenNotes",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_CoWrittenNotes_ProfessionalId",
                table: "CoWrittenNotes",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentActions_OrganisationId",
                table: "DevelopmentActions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentActions_OwnerProfessionalId",
                table: "DevelopmentActions",
                column: "OwnerProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_DevelopmentActionId",
                table: "FeedbackItems",
                column: "DevelopmentActionId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_GiverClientId",
                table: "FeedbackItems",
                column: "GiverClientId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_OrganisationId_GivenOn",
                table: "FeedbackItems",
                columns: new[] { "OrganisationId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ServiceId",
                table: "FeedbackItems",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_DevelopmentActionId",
                table: "Milestones",
                column: "DevelopmentActionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoWrittenNotes");

            migrationBuilder.DropTable(
                name: "FeedbackItems");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "DevelopmentActions");
        }
    }
}
