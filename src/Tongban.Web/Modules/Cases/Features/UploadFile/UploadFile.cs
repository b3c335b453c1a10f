using Microsoft.Extensions.Options;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.UploadFile;

public sealed record UploadedFileResponse(Guid FileId, string Sha256, long Size, string ContentType, string FileName);

/// <summary>
/// 上传材料: checks the size and the content (PDF, JPEG, PNG or OFD by their first bytes, whatever the
/// name says), runs the antivirus hook, stores the bytes by SHA-256 and records the file for its uploader.
/// </summary>
public sealed class UploadFileHandler(TongbanDbContext db, IFileStore store, IMalwareScanner scanner, IOptions<FileLimits> limits, CurrentUser user, AuditTrail audit, CityClock clock)
{
    public async Task<Result<UploadedFileResponse>> HandleAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        // Applicants upload their own materials; window clerks scan what a walk-in brings.
        if (user.IsStaff && !user.HasAnyRole(Role.WindowClerk, Role.PlatformAdmin))
        {
            return new Forbidden("cases.upload-forbidden");
        }

        var max = limits.Value.MaxFileBytes;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > max)
        {
            return new Invalid("cases.file-too-large", max / (1024 * 1024)) { Field = "file" };
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            return new Invalid("cases.file-empty") { Field = "file" };
        }

        var name = Path.GetFileName(fileName ?? "").Trim();
        if (FileContent.TypeOf(bytes.Span, name) is not { } contentType)
        {
            return new Invalid("cases.file-type-not-allowed", name) { Field = "file" };
        }

        if (!await scanner.IsCleanAsync(bytes, name, cancellationToken))
        {
            return new Invalid("cases.file-rejected-by-scanner", name) { Field = "file" };
        }

        var sha256 = LocalFileStore.Sha256Of(bytes.Span);
        var file = new UploadedFile
        {
            Id = Guid.CreateVersion7(),
            OwnerAccountId = user.AccountId ?? throw new InvalidOperationException("Uploads need a signed-in account."),
            StorageKey = await store.SaveAsync(sha256, bytes, cancellationToken),
            Sha256 = sha256,
            Size = bytes.Length,
            ContentType = contentType,
            FileName = name.Length == 0 ? "file" : name[..Math.Min(name.Length, 255)],
            UploadedAt = clock.UtcNow,
        };
        db.Add(file);
        audit.Record("cases.file-upload", "CaseFile", file.Id.ToString(), after: new { file.Sha256, file.Size, file.ContentType, file.FileName });
        await db.SaveChangesAsync(cancellationToken);
        return new UploadedFileResponse(file.Id, file.Sha256, file.Size, file.ContentType, file.FileName);
    }
}
