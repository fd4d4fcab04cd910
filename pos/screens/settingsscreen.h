// SPDX-License-Identifier: GPL-3.0-or-later
// Settings for a manager: store details, tax rates, gift-card limits, discount threshold, idle
// lock, and this machine's receipt printer with a test print and a no-sale drawer button.
#pragma once

#include "pos/screens/screen.h"
#include "printing/printersettings.h"

#include "core/services/storesettings.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QThread;

namespace oasis::screens {

class StoreLocationEditor;

/// "10.55" or "10.55 %" as parts per million (105'500); 0 to 100 %, up to 4 decimals.
Result<qint64> parsePercentPpm(const QString &text);
/// 105'500 → "10.55 %" (as many decimals as needed, at least none).
QString formatPpmPercent(qint64 ppm);

/// Self-contained screen; the main window hosts it. Store-wide settings live in the database
/// and need Action::Settings (a manager, or a manager's approval); the printer is this
/// machine's and lives in QSettings (printing::PrinterSettings).
class SettingsScreen final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsScreen)
public:
    explicit SettingsScreen(const ScreenContext &ctx, QWidget *parent = nullptr);
    ~SettingsScreen() override;

    /// Fills every field from the database and QSettings.
    void load();
    QString message() const;
    QString printerMessage() const;
    QTabWidget *tabs() const { return m_tabs; }

    // --- what the buttons do (tests call these; the fields are filled by them too) ---------
    /// Saves the store-details fields.
    Status saveStoreInfo();
    /// Adds the rate typed in the tax fields.
    Status addTaxRate();
    /// Saves gift-card presets and limits, the discount threshold and the idle lock.
    Status saveRules();
    /// The printer fields as settings, and saving them to QSettings.
    printing::PrinterSettings printerSettings() const;
    void savePrinter();
    /// Prints a sample receipt on the printer in the fields, off the GUI thread (the system
    /// printer: on it, with a wait cursor); printerJobFinished tells how it went.
    void testPrint();
    /// A manager's no-sale: opens the drawer through the printer in the fields.
    void openDrawer();
    bool printerBusy() const { return m_job != nullptr; }
    /// Keeps the store location in the "This register" fields for this computer's next start.
    Status saveStoreLocation();
    StoreLocationEditor *storeLocation() const { return m_location; }

Q_SIGNALS:
    /// Store-wide settings changed (receipts' header, limits, idle lock).
    void settingsChanged();
    /// This machine's printer settings were saved: the register should reload them.
    void printerSettingsChanged();
    /// A test print or drawer opening finished; `message` is the printer's error when !ok.
    void printerJobFinished(bool ok, const QString &message);
    /// "Restart now" after the store location changed: the app closes and starts again.
    void restartRequested();

private:
    StaffMember user() const;
    Status report(Status status, const QString &done);
    void showMessage(QLabel *label, const QString &text, bool error);
    void loadTaxes();
    void runPrinterJob(std::function<Status()> job, const QString &done);

    QWidget *storePage();
    QWidget *taxPage();
    QWidget *rulesPage();
    QWidget *printerPage();
    QWidget *registerPage();

    ScreenContext m_ctx;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_message = nullptr;

    QLineEdit *m_storeName = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_phone = nullptr;
    QPlainTextEdit *m_footer = nullptr;
    QComboBox *m_currency = nullptr;

    QTableWidget *m_taxTable = nullptr;
    QComboBox *m_taxClass = nullptr;
    QLineEdit *m_taxRate = nullptr;
    QDateEdit *m_taxFrom = nullptr;

    QLineEdit *m_presets = nullptr;
    QLineEdit *m_minimum = nullptr;
    QLineEdit *m_maximum = nullptr;
    QLineEdit *m_threshold = nullptr;
    QSpinBox *m_idleMinutes = nullptr;

    QLineEdit *m_target = nullptr;
    QComboBox *m_paper = nullptr;
    QComboBox *m_qr = nullptr;
    QCheckBox *m_drawer = nullptr;
    QPushButton *m_testPrint = nullptr;
    QPushButton *m_openDrawer = nullptr;
    QLabel *m_printerMessage = nullptr;
    QThread *m_job = nullptr;
    StoreLocationEditor *m_location = nullptr;
    QPushButton *m_restart = nullptr;
};

} // namespace oasis::screens
