using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Polku.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Segmentation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InstrumentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LoadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentVersionId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedByProfessionalId = table.Column<int>(type: "integer", nullable: false),
                    ClientPartAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClientPartBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClientPartVia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ProfessionalPartAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProfessionalPartProfessionalId = table.Column<int>(type: "integer", nullable: true),
                    ProfessionalPartBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClientScore = table.Column<double>(type: "double precision", nullable: true),
                    ProfessionalScore = table.Column<double>(type: "double precision", nullable: true),
                    Computed = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IsOverride = table.Column<bool>(type: "boolean", nullable: false),
                    OverrideReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmedByProfessionalId = table.Column<int>(type: "integer", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CodeExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assessments_InstrumentVersions_InstrumentVersionId",
                        column: x => x.InstrumentVersionId,
                        principalTable: "InstrumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Professionals_StartedByProfessionalId",
                        column: x => x.StartedByProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Part = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAnswers_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAnswers_AssessmentId_Part",
                table: "AssessmentAnswers",
                columns: new[] { "AssessmentId", "Part" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ClientId_StartedAt",
                table: "Assessments",
                columns: new[] { "ClientId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CodeHash",
                table: "Assessments",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_InstrumentVersionId",
                table: "Assessments",
                column: "InstrumentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_StartedByProfessionalId",
                table: "Assessments",
                column: "StartedByProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentVersions_Key_Version",
                table: "InstrumentVersions",
                columns: new[] { "Key", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAnswers");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "InstrumentVersions");
        }
    }
}
