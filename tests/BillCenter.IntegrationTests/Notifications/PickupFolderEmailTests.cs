using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BillCenter.IntegrationTests;

/// <summary>The embedded default's pickup folder on the real file system: a reader of *.eml files only ever sees whole messages.</summary>
public sealed class PickupFolderEmailTests : IDisposable
{
    private const string EndMark = "END-OF-MESSAGE";

    private readonly string _folder = Directory.CreateTempSubdirectory("billcenter-pickup-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private PickupFolderEmailChannel Channel => new(Options.Create(new SmtpOptions { From = "BillCenter <alerts@billcenter.test>" }), _folder);

    [Fact]
    public async Task Given_a_batch_being_written_When_the_folder_is_read_at_the_same_time_Then_every_eml_file_read_is_a_whole_message()
    {
        // Large messages, so that writing one takes many write calls and a reader can fall between them.
        var emails = Enumerable.Range(0, 150).Select(i => Email(i, new string('x', 200_000))).ToList();
        var writing = Task.Run(() => Channel.SendBatchAsync(emails, Cancel), Cancel);

        var read = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        while (true)
        {
            var finished = writing.IsCompleted;
            foreach (var file in PickupFolder.MessageFiles(_folder))
            {
                try
                {
                    var message = await MimeMessage.LoadAsync(file, Cancel);
                    if (message.TextBody?.TrimEnd().EndsWith(EndMark, StringComparison.Ordinal) != true)
                    {
                        problems.Add($"{Path.GetFileName(file)}: the message is cut short");
                    }

                    read.Add(file);
                }
                catch (Exception e) when (e is IOException or FormatException)
                {
                    problems.Add($"{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
                }
            }

            if (finished)
            {
                break;
            }
        }

        var results = await writing;
        Assert.Empty(problems);
        Assert.All(results, r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        Assert.Equal(emails.Count, read.Count); // every message was read, whole, at least once
        Assert.Equal(emails.Count, Directory.GetFiles(_folder).Length); // no temporary file is left behind
    }

    [Fact]
    public async Task Given_a_write_that_is_cancelled_Then_no_eml_file_and_no_temporary_file_is_left()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Channel.SendBatchAsync([Email(1, "body")], cancelled.Token));

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Given_a_sent_message_Then_it_is_a_whole_eml_file_and_the_temporary_name_is_never_taken_for_a_message()
    {
        var email = Email(7, "hello");

        await Channel.SendBatchAsync([email], Cancel);

        var file = Assert.Single(PickupFolder.MessageFiles(_folder));
        Assert.Equal($"{email.NotificationId:N}.eml", Path.GetFileName(file));
        Assert.EndsWith(EndMark, (await MimeMessage.LoadAsync(file, Cancel)).TextBody!.TrimEnd(), StringComparison.Ordinal);
        Assert.True(PickupFolder.IsMessageFile(file));
        var temporary = Path.Combine(_folder, PickupFolderEmailChannel.TemporaryName(email.NotificationId, Guid.NewGuid()));
        Assert.False(PickupFolder.IsMessageFile(temporary));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static OutgoingEmail Email(int i, string text) =>
        new(Guid.NewGuid(), $"holder{i}@example.com", $"Message {i}", $"{text}\n{EndMark}", $"<p>{text}</p><p>{EndMark}</p>");
}
