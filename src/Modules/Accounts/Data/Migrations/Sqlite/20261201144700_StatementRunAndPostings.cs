using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatementRunAndPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_transactions_CardAccountId_PostedAt",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_CardId_PostedAt",
                table: "transactions");

            migrationBuilder.AddColumn<string>(
                name: "MerchantCategory",
                table: "transactions",
                type: "TEXT",
                fixedLength: true,
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "transactions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Fees",
                table: "statements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Interest",
                table: "statements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "IssuedAt",
                table: "statements",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "statements",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Purchases",
                table: "statements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderQueuedAt",
                table: "statements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextCycleClose",
                table: "card_accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RunPartition",
                table: "card_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "paper_mail",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    line1 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    line2 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    zip = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExportedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_mail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_paper_mail_statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posting_uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PostedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_uploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "posting_upload_rows",
                columns: table => new
                {
                    UploadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CardFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    MerchantCategory = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 4, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_upload_rows", x => new { x.UploadId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_posting_upload_rows_posting_uploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "posting_uploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardAccountId_PostedAt_Id",
                table: "transactions",
                columns: new[] { "CardAccountId", "PostedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardId_PostedAt_Id",
                table: "transactions",
                columns: new[] { "CardId", "PostedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_Reference",
                table: "transactions",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transactions_StatementId",
                table: "transactions",
                column: "StatementId",
                filter: "\"StatementId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_statements_DueDate_ReminderQueuedAt",
                table: "statements",
                columns: new[] { "DueDate", "ReminderQueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_card_accounts_NextCycleClose_RunPartition",
                table: "card_accounts",
                columns: new[] { "NextCycleClose", "RunPartition" });

            migrationBuilder.CreateIndex(
                name: "IX_paper_mail_ExportedAt_CreatedAt",
                table: "paper_mail",
                columns: new[] { "ExportedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_paper_mail_StatementId",
                table: "paper_mail",
                column: "StatementId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_mail");

            migrationBuilder.DropTable(
                name: "posting_upload_rows");

            migrationBuilder.DropTable(
                name: "posting_uploads");

            migrationBuilder.DropIndex(
                name: "IX_transactions_CardAccountId_PostedAt_Id",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_CardId_PostedAt_Id",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_Reference",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_StatementId",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_statements_DueDate_ReminderQueuedAt",
                table: "statements");

            migrationBuilder.DropIndex(
                name: "IX_card_accounts_NextCycleClose_RunPartition",
                table: "card_accounts");

            migrationBuilder.DropColumn(
                name: "MerchantCategory",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "Fees",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "Interest",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "IssuedAt",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "Purchases",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "ReminderQueuedAt",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "NextCycleClose",
                table: "card_accounts");

            migrationBuilder.DropColumn(
                name: "RunPartition",
                table: "card_accounts");

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardAccountId_PostedAt",
                table: "transactions",
                columns: new[] { "CardAccountId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardId_PostedAt",
                table: "transactions",
                columns: new[] { "CardId", "PostedAt" });
        }
    }
}
