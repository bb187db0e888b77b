using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PathGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EpisodeEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ProfessionalId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberProfessionalId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromCustomership = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToCustomership = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpisodeEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EpisodeEvents_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EpisodeEvents_Professionals_MemberProfessionalId",
                        column: x => x.MemberProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EpisodeEvents_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeEvents_EpisodeId_At",
                table: "EpisodeEvents",
                columns: new[] { "EpisodeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeEvents_MemberProfessionalId",
                table: "EpisodeEvents",
                column: "MemberProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeEvents_ProfessionalId",
                table: "EpisodeEvents",
                column: "ProfessionalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EpisodeEvents");
        }
    }
}
