import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/session/types';
import { crmRoutes } from '@/test/crm';
import { crmAdminRoutes, doneImport, importJob, savedMapping } from '@/test/crmAdmin';
import { demoAdmin, DEMO_ID, membership } from '@/test/fixtures';
import { renderApp, type Route } from '@/test/render';
import { mockXhr } from '@/test/xhr';

const CSV = 'Customer no;First;Last;Mobile;Segment\nC-1;Ana;Popa;+37369123456;gold\nC-2;Ion;Rusu;;silver\n';
const routes: Record<string, Route> = { ...crmRoutes, ...crmAdminRoutes };

const csvFile = (text = CSV, name = 'clients.csv') => new File([text], name, { type: 'text/csv' });

async function chooseFile(file: File) {
  const user = userEvent.setup();
  await screen.findByTestId('import-dropzone');
  await user.upload(screen.getByTestId('import-file-input'), file);
  return user;
}

async function mappingRows() {
  await screen.findByTestId('import-mapping-table');
  return screen.getAllByTestId('import-column-row');
}

async function mapTo(user: ReturnType<typeof userEvent.setup>, column: string, target: string) {
  const row = (await mappingRows()).find((r) => r.getAttribute('data-column') === column)!;
  await user.selectOptions(within(row).getByRole('combobox'), target);
}

describe('Client import wizard (CRM-05)', () => {
  beforeEach(() => {
    mockXhr();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens from the clients page for someone who manages clients', async () => {
    renderApp({ path: '/clients', me: demoAdmin, routes });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('clients-import'));
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Import clients'));
    expect(screen.getByTestId('import-dropzone')).toHaveAttribute('tabindex', '0');
    // the recent imports, with the report of one that rejected rows
    const row = await screen.findByTestId('import-row');
    expect(row).toHaveTextContent('march.xlsx');
    expect(within(row).getByTestId('import-status')).toHaveTextContent('Done');
    expect(within(row).getByTestId('import-row-download')).toBeInTheDocument();
  });

  it('reads the header row of a CSV in the browser and offers every target', async () => {
    renderApp({ path: '/clients/import', me: demoAdmin, routes });
    await chooseFile(csvFile());
    const rows = await mappingRows();
    expect(rows.map((r) => r.getAttribute('data-column'))).toEqual([
      'Customer no',
      'First',
      'Last',
      'Mobile',
      'Segment',
    ]);
    // the delimiter is guessed from the header; samples come from the next rows
    expect(screen.getByTestId('import-delimiter')).toHaveValue(';');
    expect(rows[1]).toHaveTextContent('Ana · Ion');
    expect(rows[0]).toHaveTextContent('(A)');
    const options = [...within(rows[0]!).getByRole('combobox').querySelectorAll('option')].map(
      (o) => o.value,
    );
    expect(options).toEqual([
      '',
      'externalId',
      'firstName',
      'lastName',
      'organisation',
      'language',
      'phone',
      'phone2',
      'email',
      'tags',
      'custom.contract_no',
      'custom.region',
      'custom.age',
      'custom.vip',
      'custom.topics',
      'custom.since',
    ]);
    expect(within(rows[0]!).getByRole('option', { name: 'Region (additional field)' })).toBeInTheDocument();

    // without a header row the columns are named by their letters
    await userEvent.setup().click(screen.getByTestId('import-has-header'));
    expect(screen.getAllByTestId('import-column-row').map((r) => r.getAttribute('data-column'))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
  });

  it('refuses a mapping without the external ID, or with a field twice, before uploading', async () => {
    renderApp({ path: '/clients/import', me: demoAdmin, routes });
    const user = await chooseFile(csvFile());
    await mapTo(user, 'First', 'firstName');
    await user.click(screen.getByTestId('import-start'));
    expect(await screen.findByTestId('import-mapping-error')).toHaveTextContent(
      'Choose the column that holds the external ID',
    );

    await mapTo(user, 'Customer no', 'externalId');
    await mapTo(user, 'Last', 'firstName');
    await user.click(screen.getByTestId('import-start'));
    expect(await screen.findByTestId('import-mapping-error')).toHaveTextContent(
      'Two columns are imported as the same field.',
    );
    expect(screen.getByTestId('import-target-2')).toHaveAttribute('aria-invalid', 'true');
    expect(mockXhr().sent()).toHaveLength(0);
  });

  it('uploads with a progress bar, then follows the job every second until it is done', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const states = [
      { ...importJob, status: 'RUNNING', processed: 2, created: 1, unchanged: 1 },
      { ...importJob, status: 'DONE', processed: 4, created: 2, updated: 1, unchanged: 0, rejected: 1 },
    ];
    const xhr = mockXhr();
    const { api } = renderApp({
      path: '/clients/import',
      me: demoAdmin,
      routes: {
        ...routes,
        // wrapped: a job's own `status` would read as the reply's
        'GET /api/cc/clients/imports/job-1': () => ({
          status: 200,
          body: states.length > 1 ? states.shift() : states[0],
        }),
      },
    });
    const user = await chooseFile(csvFile());
    await mapTo(user, 'Customer no', 'externalId');
    await mapTo(user, 'Mobile', 'phone');
    await mapTo(user, 'Segment', 'custom.region');
    await user.click(screen.getByTestId('import-start'));

    const request = xhr.last()!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/cc/clients/imports');
    expect(request.headers.Authorization).toBe('Bearer test-token');
    expect(request.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(request.headers['Accept-Language']).toBe('en');
    const body = request.body as FormData;
    expect((body.get('file') as File).name).toBe('clients.csv');
    expect(JSON.parse(body.get('mapping') as string)).toEqual({
      columns: { 'Customer no': 'externalId', Mobile: 'phone', Segment: 'custom.region' },
      delimiter: ';',
      hasHeader: true,
    });

    const upload = await screen.findByTestId('import-upload-progress');
    expect(upload).toHaveAttribute('aria-valuenow', '0');
    await request.progress(30, 120);
    expect(upload).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByTestId('import-upload-percent')).toHaveTextContent('25%');
    await request.progress(120, 120);
    expect(upload).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText('The server is checking the file…')).toBeInTheDocument();

    await request.respond(202, importJob);
    await waitFor(() => expect(screen.getByTestId('import-counter-created')).toHaveTextContent('1'));
    expect(screen.getByTestId('import-processed')).toHaveTextContent('2 of 4 rows');
    expect(screen.getByTestId('import-job-progress')).toHaveAttribute('aria-valuenow', '50');
    expect(
      screen.getByTestId('import-step-2').querySelector('[data-testid="import-status"]'),
    ).toHaveTextContent('Running');

    await act(() => vi.advanceTimersByTimeAsync(1_100));
    await waitFor(() =>
      expect(
        screen.getByTestId('import-step-2').querySelector('[data-testid="import-status"]'),
      ).toHaveTextContent('Done'),
    );
    expect(screen.getByTestId('import-counter-created')).toHaveTextContent('2');
    expect(screen.getByTestId('import-counter-updated')).toHaveTextContent('1');
    expect(screen.getByTestId('import-counter-unchanged')).toHaveTextContent('0');
    expect(screen.getByTestId('import-counter-rejected')).toHaveTextContent('1');
    expect(screen.getByTestId('import-summary')).toHaveTextContent(
      '4 rows: 2 created, 1 updated, 0 unchanged, 1 rejected.',
    );

    // a finished job is not asked for again
    const polls = api.callsTo('GET', '/api/cc/clients/imports/job-1').length;
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(api.callsTo('GET', '/api/cc/clients/imports/job-1')).toHaveLength(polls);

    await user.click(screen.getByTestId('import-another'));
    expect(await screen.findByTestId('import-dropzone')).toBeInTheDocument();
  });

  describe('the rejected-rows report', () => {
    const createObjectURL = vi.fn((_blob: unknown) => 'blob:rejected');
    const revokeObjectURL = vi.fn();
    beforeEach(() => {
      createObjectURL.mockClear();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    });
    afterEach(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });

    it('is fetched with the token and saved as a CSV file', async () => {
      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
      const xhr = mockXhr();
      const { api } = renderApp({
        path: '/clients/import',
        me: demoAdmin,
        routes: {
          ...routes,
          'GET /api/cc/clients/imports/job-1': {
            status: 200,
            body: { ...importJob, status: 'DONE', processed: 4, created: 3, rejected: 1 },
          },
          'GET /api/cc/clients/imports/job-1/rejected': {
            status: 200,
            body: new Blob(['line,code,field,message,row\n3,email.invalid,email,Not an e-mail,"C-2;Ion"\n'], {
              type: 'text/csv',
            }),
            contentType: 'text/csv',
          },
        },
      });
      const user = await chooseFile(csvFile());
      await mapTo(user, 'Customer no', 'externalId');
      await user.click(screen.getByTestId('import-start'));
      await xhr.last()!.respond(202, importJob);
      await user.click(await screen.findByTestId('import-download-rejected'));

      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      const [call] = api.callsTo('GET', '/api/cc/clients/imports/job-1/rejected');
      expect(call!.headers.Authorization).toBe('Bearer test-token');
      expect(call!.headers['X-Linea-Tenant']).toBe(DEMO_ID);
      const blob = createObjectURL.mock.calls[0]![0] as Blob;
      expect(await blob.text()).toContain('email.invalid');
      const link = click.mock.contexts[0] as HTMLAnchorElement;
      expect(link.download).toBe('rejected-job-1.csv');
      expect(link.href).toBe('blob:rejected');
    });

    it('of an earlier import can be downloaded from the list', async () => {
      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
      const { api } = renderApp({
        path: '/clients/import',
        me: demoAdmin,
        routes: {
          ...routes,
          'GET /api/cc/clients/imports/job-old/rejected': {
            status: 200,
            body: new Blob(['line,code\n'], { type: 'text/csv' }),
            contentType: 'text/csv',
          },
        },
      });
      const row = await screen.findByTestId('import-row');
      await userEvent
        .setup()
        .click(within(row).getByRole('button', { name: 'Download the rejected rows of march.xlsx' }));
      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      expect(api.callsTo('GET', `/api/cc/clients/imports/${doneImport.id}/rejected`)).toHaveLength(1);
    });
  });

  it.each([
    [
      'a file the server refuses is shown at the file step',
      {
        status: 400,
        code: 'client-import.file-unsafe',
        detail: 'The file unpacks to far more than it holds.',
      },
      'import-file-error',
      'The file unpacks to far more than it holds.',
    ],
    [
      'a mapping the server refuses is shown at the mapping step',
      {
        status: 400,
        code: 'validation.failed',
        detail: 'Some values are not valid.',
        errors: [
          {
            field: 'mapping.columns.Segment',
            code: 'client-import.mapping-target-unknown',
            message: 'custom.region is not a field of the client card.',
          },
        ],
      },
      'import-mapping-error',
      'custom.region is not a field of the client card.',
    ],
    [
      'a full queue is shown at the upload, with a retry',
      {
        status: 503,
        code: 'client-import.busy',
        detail: 'Too many imports are running. Try again in a few minutes.',
      },
      'import-upload-error',
      'Too many imports are running.',
    ],
  ])('%s', async (_name, problem, where, message) => {
    const xhr = mockXhr();
    renderApp({ path: '/clients/import', me: demoAdmin, routes });
    const user = await chooseFile(csvFile());
    await mapTo(user, 'Customer no', 'externalId');
    await user.click(screen.getByTestId('import-start'));
    await xhr.last()!.respond(problem.status, problem);
    expect(await screen.findByTestId(where)).toHaveTextContent(message);
    if (where === 'import-file-error') {
      // the file step keeps the file and its mapping: the user may go on with them
      expect(screen.getByTestId('import-chosen')).toHaveTextContent('Chosen: clients.csv');
      await user.click(screen.getByTestId('import-next'));
      expect(await screen.findByTestId('import-target-0')).toHaveValue('externalId');
    }
    if (where === 'import-upload-error') {
      await user.click(screen.getByTestId('import-retry'));
      expect(xhr.sent()).toHaveLength(2);
    }
  });

  it('refuses a file that is neither CSV nor XLSX in the browser', async () => {
    renderApp({ path: '/clients/import', me: demoAdmin, routes });
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(await screen.findByTestId('import-file-input'), new File(['MZ'], 'setup.exe'));
    expect(await screen.findByTestId('import-file-error')).toHaveTextContent(
      'setup.exe is neither a CSV (.csv) nor an Excel (.xlsx) file.',
    );
    expect(screen.queryByTestId('import-mapping-table')).toBeNull();
  });

  it('lets the columns of an Excel file be typed by letter or name, and says why', async () => {
    const xhr = mockXhr();
    renderApp({ path: '/clients/import', me: demoAdmin, routes });
    const user = await chooseFile(new File(['PK'], 'clients.xlsx'));
    expect(await screen.findByTestId('import-xlsx-note')).toHaveTextContent(
      'Excel columns are not read in the browser',
    );
    await user.type(screen.getByTestId('import-column-0'), 'A');
    await user.click(screen.getByTestId('import-add-column'));
    await user.type(screen.getByTestId('import-column-1'), 'Mobile');
    await user.selectOptions(screen.getByTestId('import-target-1'), 'phone');
    await user.click(screen.getByTestId('import-start'));
    expect(JSON.parse((xhr.last()!.body as FormData).get('mapping') as string)).toEqual({
      columns: { A: 'externalId', Mobile: 'phone' },
      hasHeader: true,
    });
  });

  it('loads a saved mapping by header, leaves out columns the file lacks, and saves one', async () => {
    const { api } = renderApp({
      path: '/clients/import',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/client-import-mappings': { ...savedMapping, id: 'map-2', name: 'Mine' },
      },
    });
    const user = await chooseFile(csvFile('Customer No,Name,Mobile\nC-1,Popa,+37369123456\n'));
    expect(screen.getByTestId('import-delimiter')).toHaveValue(',');
    await user.selectOptions(await screen.findByTestId('import-saved-mapping'), 'map-1');
    // the saved delimiter wins; this file has another one
    await waitFor(() => expect(screen.getByTestId('import-delimiter')).toHaveValue(';'));
    await user.selectOptions(screen.getByTestId('import-delimiter'), ',');
    // "customer no" names the column "Customer No": headers match whatever their case
    expect(screen.getByTestId('import-target-0')).toHaveValue('externalId');
    expect(screen.getByTestId('import-target-1')).toHaveValue('lastName');
    expect(screen.getByTestId('import-target-2')).toHaveValue('phone');
    expect(screen.getByTestId('import-not-in-file')).toHaveTextContent('Not in this file, left out: Fax');

    await user.click(screen.getByTestId('import-save-mapping'));
    const form = await screen.findByTestId('save-mapping-form');
    const name = within(form).getByLabelText(/^Name/);
    expect(name).toHaveValue('Weekly CRM export');
    await user.clear(name);
    await user.type(name, 'Mine');
    await user.click(within(form).getByTestId('save-mapping-submit'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/client-import-mappings')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/client-import-mappings')[0]!.body).toEqual({
      name: 'Mine',
      mapping: {
        columns: { 'Customer No': 'externalId', Name: 'lastName', Mobile: 'phone' },
        delimiter: ',',
        hasHeader: true,
      },
    });
  });

  it('hides "save mapping as" without integrations.manage', async () => {
    const manager: Me = {
      ...demoAdmin,
      memberships: [membership({ roles: ['agent'], permissions: ['clients.view', 'clients.manage'] })],
    };
    renderApp({ path: '/clients/import', me: manager, routes });
    await chooseFile(csvFile());
    await mappingRows();
    expect(screen.getByTestId('import-saved-mapping')).toBeInTheDocument();
    expect(screen.queryByTestId('import-save-mapping')).toBeNull();
  });
});
