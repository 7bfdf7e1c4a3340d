using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace BillCenter.Modules.Accounts.Features.AccountActivity;

/// <summary>
/// A statement as a tagged, accessible PDF (PDF/UA-style, with PDFsharp's UniversalAccessibility): document language
/// en-US, the title shown instead of the file name, headings, tables with header cells, and real text in an
/// embedded font. Drawn on US Letter pages; a new page starts whenever the next line would not fit.
/// </summary>
internal sealed class StatementPdf : IDisposable
{
    private const double Margin = 54; // 0.75 in
    private const double LineHeight = 15;

    private readonly XFont _body = new(StatementFont.Family, 9.5);
    private readonly XFont _strong = new(StatementFont.Family, 9.5, XFontStyleEx.Bold);
    private readonly XFont _title = new(StatementFont.Family, 17, XFontStyleEx.Bold);
    private readonly XFont _subtitle = new(StatementFont.Family, 12.5, XFontStyleEx.Bold);

    private readonly PdfDocument _document = new();
    private readonly StructureBuilder _structure;
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _y;

    private StatementPdf(string title)
    {
        _document.Info.Title = title;
        _document.Info.Author = "BillCenter";
        _document.Info.Subject = title;
        _document.ViewerPreferences.DisplayDocTitle = true;
        var accessibility = UAManager.ForDocument(_document);
        accessibility.SetDocumentLanguage("en-US");
        _structure = accessibility.StructureBuilder;
    }

    private double Width => _page!.Width.Point - (2 * Margin);

    /// <summary>The PDF of <paramref name="statement"/>, as bytes.</summary>
    public static byte[] Render(StatementDetails statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        StatementFont.Install();
        using var pdf = new StatementPdf($"Statement {statement.Number}: {statement.Account.Name}, {statement.Period}");
        pdf.Write(statement);
        using var output = new MemoryStream();
        pdf._graphics?.Dispose();
        pdf._graphics = null;
        pdf._document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private void Write(StatementDetails statement)
    {
        _structure.BeginElement(PdfGroupingElementTag.Document);
        NewPage();

        Block(PdfBlockLevelElementTag.Heading1, $"Statement {statement.Number}", _title, LineHeight * 1.8);
        Block(PdfBlockLevelElementTag.Paragraph, statement.Account.Name, _body);
        Block(PdfBlockLevelElementTag.Paragraph, $"Billing period: {statement.Period}", _body);
        _y += LineHeight / 2;

        Block(PdfBlockLevelElementTag.Heading2, "Account summary", _subtitle, LineHeight * 1.5);
        Table(
            [("Item", XStringAlignment.Near), ("Amount", XStringAlignment.Far)],
            [
                ["Previous balance", statement.PreviousBalance.ToString()],
                ["Payments and credits", statement.PaymentsAndCredits.ToString()],
                ["Purchases", statement.Purchases.ToString()],
                ["Fees", statement.Fees.ToString()],
                ["Interest", statement.Interest.ToString()],
                ["New balance", statement.NewBalance.ToString()],
                ["Minimum payment due", statement.MinimumDue.ToString()],
                ["Payment due date", statement.DueDate.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)],
            ],
            rowHeaders: true);
        _y += LineHeight / 2;

        Block(PdfBlockLevelElementTag.Heading2, "Late payment warning", _subtitle, LineHeight * 1.5);
        Wrapped(statement.LatePaymentWarning);
        Block(PdfBlockLevelElementTag.Heading2, "Minimum payment warning", _subtitle, LineHeight * 1.5);
        Wrapped(StatementDetails.MinimumPaymentWarning);
        _y += LineHeight / 2;

        Block(PdfBlockLevelElementTag.Heading2, "Transactions", _subtitle, LineHeight * 1.5);
        if (!statement.Groups.Any())
        {
            Block(PdfBlockLevelElementTag.Paragraph, "No transactions in this period.", _body);
        }

        foreach (var group in statement.Groups)
        {
            EnsureRoom(LineHeight * 4);
            Block(PdfBlockLevelElementTag.Heading3, group.Heading, _strong, LineHeight * 1.3);
            Table(
                [("Date", XStringAlignment.Near), ("Description", XStringAlignment.Near), ("Amount", XStringAlignment.Far)],
                [
                    .. group.Lines.Select(l => new[] { l.PostedAt.ToString("MMM d, yyyy", CultureInfo.InvariantCulture), l.ShownDescription, l.Amount.ToString() }),
                    ["Total", string.Empty, group.Total.ToString()],
                ],
                rowHeaders: false);
            _y += LineHeight / 2;
        }

        _structure.End();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.Letter;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > _page!.Height.Point - Margin)
        {
            NewPage();
        }
    }

    private void Block(PdfBlockLevelElementTag tag, string text, XFont font, double height = LineHeight)
    {
        EnsureRoom(height);
        _structure.BeginElement(tag);
        _graphics!.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
        _structure.End();
        _y += height;
    }

    /// <summary>A paragraph broken into lines at spaces so it fits the page width.</summary>
    private void Wrapped(string text)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && _graphics!.MeasureString(candidate, _body).Width > Width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(current);
        EnsureRoom(LineHeight * lines.Count);
        _structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
        foreach (var line in lines)
        {
            _graphics!.DrawString(line, _body, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight), XStringFormats.TopLeft);
            _y += LineHeight;
        }

        _structure.End();
    }

    /// <summary>A table with a header row; with <paramref name="rowHeaders"/>, each row's first cell heads its row.</summary>
    private void Table(IReadOnlyList<(string Heading, XStringAlignment Align)> columns, IReadOnlyList<string[]> rows, bool rowHeaders)
    {
        var widths = columns.Count == 2 ? new[] { 0.6, 0.4 } : new[] { 0.2, 0.55, 0.25 };
        _structure.BeginElement(PdfBlockLevelElementTag.Table);
        EnsureRoom(LineHeight * 2);
        Row([.. columns.Select(c => c.Heading)], columns, widths, header: true, rowHeaders: false);
        foreach (var row in rows)
        {
            EnsureRoom(LineHeight);
            Row(row, columns, widths, header: false, rowHeaders);
        }

        _structure.End();
    }

    private void Row(string[] cells, IReadOnlyList<(string Heading, XStringAlignment Align)> columns, double[] widths, bool header, bool rowHeaders)
    {
        _structure.BeginElement(PdfBlockLevelElementTag.TableRow);
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var width = Width * widths[i];
            var isHeader = header || (rowHeaders && i == 0);
            _structure.BeginElement(isHeader ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
            var format = new XStringFormat { Alignment = columns[i].Align, LineAlignment = XLineAlignment.Near };
            var text = Fit(cells[i], header ? _strong : _body, width - 6);
            if (text.Length > 0)
            {
                _graphics!.DrawString(text, header ? _strong : _body, XBrushes.Black, new XRect(x, _y, width - 6, LineHeight), format);
            }

            _structure.End();
            x += width;
        }

        _structure.End();
        _y += LineHeight;
        if (header)
        {
            _structure.BeginArtifact();
            _graphics!.DrawLine(XPens.Gray, Margin, _y - 2, Margin + Width, _y - 2);
            _structure.End();
        }
    }

    /// <summary>The text, shortened with an ellipsis when it would overflow its cell.</summary>
    private string Fit(string text, XFont font, double width)
    {
        if (_graphics!.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var shortened = text;
        while (shortened.Length > 1 && _graphics.MeasureString(shortened + "…", font).Width > width)
        {
            shortened = shortened[..^1];
        }

        return shortened + "…";
    }
}
