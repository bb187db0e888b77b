using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Polku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NoteVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoWrittenNoteVersions",
                columns: table => new
                {
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ClientComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClientAgrees = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClientAnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoWrittenNoteVersions", x => new { x.NoteId, x.Number });
                    table.ForeignKey(
                        name: "FK_CoWrittenNoteVersions_CoWrittenNotes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "CoWrittenNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoWrittenNoteVersions_Professionals_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoWrittenNoteVersions_AuthorId",
                table: "CoWrittenNoteVersions",
                column: "AuthorId");

            // Every note written before versions existed becomes its own first version, with the client's answer.
            migrationBuilder.Sql("""
                INSERT INTO "CoWrittenNoteVersions" ("NoteId", "Number", "AuthorId", "AuthorName", "WrittenAt", "Text", "ClientComment", "ClientAgrees", "ClientAnsweredAt")
                SELECT "Id", 1, "ProfessionalId", "ProfessionalName", "ChangedAt", "ProfessionalText", "ClientComment", "ClientAgrees", "ClientAnsweredAt"
                FROM "CoWrittenNotes"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoWrittenNoteVersions");
        }
    }
}
