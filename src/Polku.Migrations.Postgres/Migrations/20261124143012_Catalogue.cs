using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Polku.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceChannels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PtvId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PhoneChargeType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddressMunicipalityCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    PostOfficeEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostOfficeFi = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostOfficeSv = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StreetEn = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    StreetFi = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    StreetSv = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: true),
                    DescriptionFi = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: true),
                    DescriptionSv = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PtvId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ServiceClasses = table.Column<List<string>>(type: "text[]", nullable: false),
                    TargetGroups = table.Column<List<string>>(type: "text[]", nullable: false),
                    LifeEvents = table.Column<List<string>>(type: "text[]", nullable: false),
                    Areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    FundingType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResponsibleOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Customerships = table.Column<string[]>(type: "text[]", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitCostEur = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BurdenEventsPerYear = table.Column<int>(type: "integer", nullable: true),
                    BurdenOutOfPocketEur = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    BurdenTimeHours = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DescriptionFi = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DescriptionSv = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SummaryEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SummaryFi = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SummarySv = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
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
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false)
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
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false)
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
