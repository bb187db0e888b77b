using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PtvId",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceChannels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PtvId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PhoneChargeType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddressMunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    PostOfficeEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostOfficeFi = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostOfficeSv = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StreetEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    StreetFi = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    StreetSv = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    DescriptionFi = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    DescriptionSv = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceChannels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceChannels_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Services",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PtvId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ServiceClasses = table.Column<string>(type: "TEXT", nullable: false),
                    TargetGroups = table.Column<string>(type: "TEXT", nullable: false),
                    LifeEvents = table.Column<string>(type: "TEXT", nullable: false),
                    Areas = table.Column<string>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    FundingType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResponsibleOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Customerships = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitCostEur = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BurdenEventsPerYear = table.Column<int>(type: "INTEGER", nullable: true),
                    BurdenOutOfPocketEur = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    BurdenTimeHours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionFi = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionSv = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummaryFi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SummarySv = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Services_Organisations_ResponsibleOrganisationId",
                        column: x => x.ResponsibleOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChannelOpeningHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelOpeningHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelOpeningHours_ServiceChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "ServiceChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceChannelLinks",
                columns: table => new
                {
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceChannelLinks", x => new { x.ChannelId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_ServiceChannelLinks_ServiceChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "ServiceChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceChannelLinks_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceProducers",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceProducers", x => new { x.OrganisationId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_ServiceProducers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceProducers_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_PtvId",
                table: "Organisations",
                column: "PtvId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelOpeningHours_ChannelId",
                table: "ChannelOpeningHours",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceChannelLinks_ServiceId",
                table: "ServiceChannelLinks",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceChannels_Key",
                table: "ServiceChannels",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceChannels_OrganisationId",
                table: "ServiceChannels",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceChannels_PtvId",
                table: "ServiceChannels",
                column: "PtvId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProducers_ServiceId",
                table: "ServiceProducers",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Services_Key",
                table: "Services",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Services_PtvId",
                table: "Services",
                column: "PtvId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Services_ResponsibleOrganisationId",
                table: "Services",
                column: "ResponsibleOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelOpeningHours");

            migrationBuilder.DropTable(
                name: "ServiceChannelLinks");

            migrationBuilder.DropTable(
                name: "ServiceProducers");

            migrationBuilder.DropTable(
                name: "ServiceChannels");

            migrationBuilder.DropTable(
                name: "Services");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_PtvId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PtvId",
                table: "Organisations");
        }
    }
}
