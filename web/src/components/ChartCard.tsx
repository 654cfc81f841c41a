/**
 * A chart with its data: switch between the chart and a table (the table is also what screen readers and the
 * read-aloud control use), and download the same rows as CSV. Every dashboard chart goes through this card, so
 * no figure exists only as pixels.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from './EChart';
import { toCsv, type ChartColumn } from '../csv';

export type { ChartColumn };

/** Chart card. */
export function ChartCard<R extends object>({ title, rows, columns, option, filename, extra, height }: { title: string; rows: R[]; columns: ChartColumn<R>[]; option: EChartsCoreOption; filename: string; extra?: React.ReactNode; height?: number }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${filename}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const tableColumns = useMemo(() => columns.map((c) => ({ title: c.title, dataIndex: c.key, key: c.key, render: (v: R[keyof R], r: R) => (c.render ? c.render(v, r) : String(v ?? '')) })), [columns]);
  return (
    <Card title={title} data-testid={`chart-${filename}`} extra={
      <Space wrap>
        {extra}
        <Segmented size="small" value={view} onChange={(v) => setView(v as 'chart' | 'table')} options={[{ value: 'chart', label: t('dashboard.viewChart') }, { value: 'table', label: t('dashboard.viewTable') }]} aria-label={t('dashboard.view')} />
        <Button size="small" icon={<DownloadOutlined />} onClick={download} disabled={rows.length === 0} data-testid={`csv-${filename}`}>CSV</Button>
      </Space>
    }>
      {rows.length === 0 ? <Empty description={t('dashboard.noData')} /> : view === 'chart'
        ? <EChart option={option} label={title} height={height} />
        : <Table<R> size="small" rowKey={(r) => String(r[columns[0]!.key])} dataSource={rows} columns={tableColumns} pagination={false} scroll={{ x: true }} />}
    </Card>
  );
}
