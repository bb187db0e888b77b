using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Polku.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerProfessionalId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DescriptionFi = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DescriptionSv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false)
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
                    NetworkId = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    CrossedSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
