using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Accounts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatementRunAndPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_transactions_CardAccountId_PostedAt",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_CardId_PostedAt",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.AddColumn<string>(
                name: "MerchantCategory",
                schema: "accounts",
                table: "transactions",
                type: "character(4)",
                fixedLength: true,
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                schema: "accounts",
                table: "transactions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Fees",
                schema: "accounts",
                table: "statements",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Interest",
                schema: "accounts",
                table: "statements",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "IssuedAt",
                schema: "accounts",
                table: "statements",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Number",
                schema: "accounts",
                table: "statements",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Purchases",
                schema: "accounts",
                table: "statements",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderQueuedAt",
                schema: "accounts",
                table: "statements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextCycleClose",
                schema: "accounts",
                table: "card_accounts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RunPartition",
                schema: "accounts",
                table: "card_accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "paper_mail",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StatementId = table.Column<Guid>(type: "uuid", nullable: false),
                    CardAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    line1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    line2 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    city = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    state = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    zip = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_mail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_paper_mail_statements_StatementId",
                        column: x => x.StatementId,
                        principalSchema: "accounts",
                        principalTable: "statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posting_uploads",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    PostedCount = table.Column<int>(type: "integer", nullable: false),
                    SkippedCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_uploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "posting_upload_rows",
                schema: "accounts",
                columns: table => new
                {
                    UploadId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineNumber = table.Column<int>(type: "integer", nullable: false),
                    CardFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    MerchantCategory = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Done = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_upload_rows", x => new { x.UploadId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_posting_upload_rows_posting_uploads_UploadId",
                        column: x => x.UploadId,
                        principalSchema: "accounts",
                        principalTable: "posting_uploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardAccountId_PostedAt_Id",
                schema: "accounts",
                table: "transactions",
                columns: new[] { "CardAccountId", "PostedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardId_PostedAt_Id",
                schema: "accounts",
                table: "transactions",
                columns: new[] { "CardId", "PostedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_Reference",
                schema: "accounts",
                table: "transactions",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transactions_StatementId",
                schema: "accounts",
                table: "transactions",
                column: "StatementId",
                filter: "\"StatementId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_statements_DueDate_ReminderQueuedAt",
                schema: "accounts",
                table: "statements",
                columns: new[] { "DueDate", "ReminderQueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_card_accounts_NextCycleClose_RunPartition",
                schema: "accounts",
                table: "card_accounts",
                columns: new[] { "NextCycleClose", "RunPartition" });

            migrationBuilder.CreateIndex(
                name: "IX_paper_mail_ExportedAt_CreatedAt",
                schema: "accounts",
                table: "paper_mail",
                columns: new[] { "ExportedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_paper_mail_StatementId",
                schema: "accounts",
                table: "paper_mail",
                column: "StatementId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_mail",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "posting_upload_rows",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "posting_uploads",
                schema: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_transactions_CardAccountId_PostedAt_Id",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_CardId_PostedAt_Id",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_Reference",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_StatementId",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_statements_DueDate_ReminderQueuedAt",
                schema: "accounts",
                table: "statements");

            migrationBuilder.DropIndex(
                name: "IX_card_accounts_NextCycleClose_RunPartition",
                schema: "accounts",
                table: "card_accounts");

            migrationBuilder.DropColumn(
                name: "MerchantCategory",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "Reference",
                schema: "accounts",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "Fees",
                schema: "accounts",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "Interest",
                schema: "accounts",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "IssuedAt",
                schema: "accounts",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "Number",
                schema: "accounts",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "Purchases",
                schema: "accounts",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "ReminderQueuedAt",
                schema: "accounts",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "NextCycleClose",
                schema: "accounts",
                table: "card_accounts");

            migrationBuilder.DropColumn(
                name: "RunPartition",
                schema: "accounts",
                table: "card_accounts");

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardAccountId_PostedAt",
                schema: "accounts",
                table: "transactions",
                columns: new[] { "CardAccountId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardId_PostedAt",
                schema: "accounts",
                table: "transactions",
                columns: new[] { "CardId", "PostedAt" });
        }
    }
}
