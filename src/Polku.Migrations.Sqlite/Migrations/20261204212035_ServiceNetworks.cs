using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceNetworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerProfessionalId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DescriptionFi = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DescriptionSv = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceNetworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceNetworks_Professionals_OwnerProfessionalId",
                        column: x => x.OwnerProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ServiceNetworkMembers",
                columns: table => new
                {
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceNetworkMembers", x => new { x.NetworkId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ServiceNetworkMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceNetworkMembers_ServiceNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "ServiceNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceNetworkThresholds",
                columns: table => new
                {
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    CrossedSince = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceNetworkThresholds", x => new { x.NetworkId, x.Measure });
                    table.ForeignKey(
                        name: "FK_ServiceNetworkThresholds_ServiceNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "ServiceNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceNetworkMembers_OrganisationId",
                table: "ServiceNetworkMembers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceNetworks_OwnerProfessionalId",
                table: "ServiceNetworks",
                column: "OwnerProfessionalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceNetworkMembers");

            migrationBuilder.DropTable(
                name: "ServiceNetworkThresholds");

            migrationBuilder.DropTable(
                name: "ServiceNetworks");
        }
    }
}
