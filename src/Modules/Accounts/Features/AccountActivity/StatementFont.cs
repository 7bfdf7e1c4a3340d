using PdfSharp.Fonts;

namespace BillCenter.Modules.Accounts.Features.AccountActivity;

/// <summary>
/// The one typeface of statement PDFs: DejaVu Sans, embedded in this assembly (DejaVuSans.ttf beside this file, with its license), so a PDF
/// renders the same on a server without installed fonts. Bold is simulated from the regular face.
/// </summary>
internal sealed class StatementFont : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Face = "DejaVuSans";

    private static readonly Lock Gate = new();

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(StatementFont).Assembly.GetManifestResourceStream("BillCenter.Modules.Accounts.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The statement font is not embedded in the Accounts assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>Makes this the resolver of PDFsharp (process-wide, and it may be set only once).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not StatementFont)
            {
                GlobalFontSettings.FontResolver = new StatementFont();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == Face ? Bytes.Value : null;
}
